import { relative } from 'node:path';
import {
  describeExpectation,
  describeVerdict,
  loadScenarioFile,
  runScenario,
  ScenarioFileError,
  scenarioFilesAt,
} from './scenario.ts';

/**
 * `pnpm compliance:check <file|folder>…` — runs scenario files and prints one line per scenario, then
 * "N passed, M failed". Exits 1 when any scenario does not match its expectation or any file is invalid.
 */
function main(paths: readonly string[]): number {
  if (paths.length === 0) {
    console.error('usage: pnpm compliance:check <file|folder>…');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  let invalid = 0;
  const reportInvalid = (error: unknown) => {
    if (!(error instanceof ScenarioFileError)) throw error;
    invalid++;
    for (const problem of error.problems) console.log(`INVALID ${problem}`);
  };
  for (const path of paths) {
    let files: string[] = [];
    try {
      files = scenarioFilesAt(path);
      if (files.length === 0)
        throw new ScenarioFileError(path, [`${path}: no .json scenario files in this folder`]);
    } catch (error) {
      reportInvalid(error);
    }
    for (const file of files) {
      const shown = relative(process.cwd(), file) || file;
      try {
        for (const scenario of loadScenarioFile(file)) {
          const result = runScenario(shown, scenario);
          const ok = result.mismatches.length === 0;
          if (ok) passed++;
          else failed++;
          console.log(`${ok ? 'PASS' : 'FAIL'} ${shown}#${result.id}: ${describeVerdict(result.verdict)}`);
          if (!ok) {
            console.log(
              `     expected ${describeExpectation(scenario.expect)} (differs in ${result.mismatches.join(', ')})`,
            );
            for (const hit of result.verdict.violations) console.log(`     ${hit.ruleId}: ${hit.reason}`);
          }
        }
      } catch (error) {
        reportInvalid(error);
      }
    }
  }
  console.log(`${passed} passed, ${failed} failed${invalid > 0 ? `, ${invalid} invalid` : ''}`);
  return failed > 0 || invalid > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
