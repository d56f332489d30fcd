import path from 'node:path';
import type { Node } from 'typescript/unstable/ast';
import { isJsxAttribute, isJsxExpression, isJsxText, isStringLiteral } from 'typescript/unstable/ast/is';
import { API } from 'typescript/unstable/sync';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * No words written into the dashboard's markup (issue 17): every text a person reads or hears comes from the
 * translation files (client/src/i18n/en, zh), so the Chinese page never shows an English phrase someone typed
 * straight into a component. Text between tags, a string in braces between tags, and the attributes a screen reader
 * or a pointer shows (aria-label, title, placeholder, alt…) are checked; symbols and numbers without letters are not
 * words and may stay (×, —, /, 1).
 */
const repo = path.resolve(import.meta.dirname, '../..');
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);
const HAS_LETTER = /\p{L}/u;

interface Literal {
  file: string;
  line: number;
  text: string;
}

/** The words written straight into the markup of one parsed file. */
function literalsOf(file: string, root: Node, lineOf: (pos: number) => number): Literal[] {
  const found: Literal[] = [];
  const report = (node: Node, text: string) => {
    if (HAS_LETTER.test(text)) found.push({ file, line: lineOf(node.pos), text: text.trim() });
  };
  const visit = (node: Node): undefined => {
    if (isJsxText(node)) report(node, node.text);
    else if (isJsxExpression(node) && node.expression && isStringLiteral(node.expression)) {
      // `{'Save'}` between tags; an attribute's `{'…'}` is judged with the attribute below.
      if (node.parent && !isJsxAttribute(node.parent)) report(node, node.expression.text);
    } else if (isJsxAttribute(node)) {
      const name = (node.name as unknown as { text: string }).text;
      const value = node.initializer;
      if (SPOKEN_ATTRIBUTES.has(name) && value) {
        if (isStringLiteral(value)) report(node, `${name}="${value.text}"`);
        else if (isJsxExpression(value) && value.expression && isStringLiteral(value.expression))
          report(node, `${name}={'${value.expression.text}'}`);
      }
    }
    node.forEachChild(visit);
    return undefined;
  };
  visit(root);
  return found;
}

function loadLiterals(): { files: number; literals: Literal[] } {
  const api = new API({ cwd: repo });
  try {
    const config = path.join(repo, 'client/tsconfig.json');
    const project = api.updateSnapshot({ openProjects: [config] }).getProject(config);
    if (!project) throw new Error('TypeScript did not load client/tsconfig.json');
    let files = 0;
    const literals: Literal[] = [];
    for (const fileName of project.program.getSourceFileNames()) {
      const file = path.relative(repo, fileName).split(path.sep).join('/');
      if (!file.startsWith('client/src/') || !file.endsWith('.tsx')) continue;
      const sourceFile = project.program.getSourceFile(fileName);
      if (!sourceFile) throw new Error(`TypeScript has no parse of ${file}`);
      files++;
      const text = sourceFile.text;
      const lineOf = (pos: number) => text.slice(0, pos).split('\n').length;
      literals.push(...literalsOf(file, sourceFile as unknown as Node, lineOf));
    }
    return { files, literals };
  } finally {
    api.close();
  }
}

describe('the markup of client/src', () => {
  let files = 0;
  let literals: Literal[] = [];
  beforeAll(() => {
    ({ files, literals } = loadLiterals());
  }, 60_000);

  it('is read in full (a parse that found nothing would pass everything)', () => {
    expect(files).toBeGreaterThan(60);
  });

  it('holds no words of its own: text and spoken attributes come from the translation files', () => {
    expect(literals.map((l) => `${l.file}:${l.line} ${l.text}`)).toEqual([]);
  });
});
