import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMinute } from './format.ts';
import { RULES } from './pack-data.ts';

const root = new URL('../../../', import.meta.url).pathname;
const catalog = readFileSync(join(root, 'docs/compliance/CATALOG.md'), 'utf8');

/** The catalog's rule entries: `### <id>` and the lines up to the next heading. */
function entries(): Map<string, string> {
  const found = new Map<string, string>();
  for (const section of catalog.split(/^### /m).slice(1)) {
    const [heading = '', ...body] = section.split('\n');
    found.set(heading.trim(), body.join('\n').split(/^## /m)[0]!);
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('docs/compliance/CATALOG.md', () => {
  it('has an entry for every rule object and names no rule that does not exist', () => {
    expect([...entries().keys()].sort()).toEqual(RULES.map((rule) => rule.id).sort());
  });

  it("gives each rule the rule object's source, effect and parameters with their defaults", () => {
    const byId = entries();
    for (const rule of RULES) {
      const entry = byId.get(rule.id)!;
      expect(entry, rule.id).toContain(`- **Source:** ${rule.source.en}\n`);
      expect(entry, rule.id).toContain(`- **Effect:** ${rule.effect}`);
      const listed = [...entry.matchAll(/^ {2}- `([^`]+)` = (\S+)/gm)].map((m) => `${m[1]} = ${m[2]}`);
      const declared = rule.parameters.map(
        (p) => `${p.name} = ${p.unit === 'minute_of_day' ? formatMinute(p.defaultValue) : p.defaultValue}`,
      );
      expect(listed, rule.id).toEqual(declared);
    }
  });

  it('defines every principle the code cites', () => {
    const principles = new Set([...catalog.matchAll(/^(\d+)\. \*\*/gm)].map((m) => m[1]));
    const cited = sourceFiles(join(root, 'shared/src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/CATALOG\.md, principle (\d+)/g)].map(
        (m) => `${m[1]} (${file})`,
      ),
    );
    expect(cited.length).toBeGreaterThan(0);
    for (const citation of cited) expect(principles).toContain(citation.split(' ')[0]);
  });
});
