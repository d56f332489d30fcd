import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, runScenario, scenarioFilesAt } from '@arrears/shared/compliance/scenario';
import { describe, expect, it } from 'vitest';

/**
 * Every scenario file, through the same loader and comparison as `pnpm compliance:check`: the format's examples
 * (docs/compliance/SCENARIOS.md) and the project's own cases. Each scenario is its own test.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const folders = [
  resolve(repoRoot, 'tests', 'compliance', 'examples'),
  resolve(repoRoot, 'tests', 'compliance', 'scenarios'),
];

for (const folder of folders) {
  const files = scenarioFilesAt(folder);

  describe(folder, () => {
    it('holds scenario files', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    for (const file of files) {
      describe(file.slice(folder.length + 1), () => {
        for (const scenario of loadScenarioFile(file)) {
          it(scenario.id, () => {
            const result = runScenario(file, scenario);
            expect(
              result.mismatches,
              JSON.stringify({ expect: scenario.expect, verdict: result.verdict }, null, 2),
            ).toEqual([]);
          });
        }
      });
    }
  });
}
