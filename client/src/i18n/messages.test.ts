import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { en } from './en/index.ts';
import { zh } from './zh/index.ts';

/**
 * The two languages say the same things (issue 17): every key in both, each message valid ICU message format with
 * the same placeholders, and no Chinese message left as its English twin unless it is a code or a name that reads
 * the same in both (ALLOWED_SAME). The types already refuse a missing key; this also catches what types cannot.
 */
const ALLOWED_SAME = new Set<string>([
  // The product's name.
  'app.name',
  // Each language is named in itself in every language.
  'language.name.en',
  'language.name.zh',
]);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

interface AstElement {
  type: number;
  value?: string;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}

/** The argument names a message uses, plural and select branches included. */
function placeholders(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (elements: AstElement[]) => {
    for (const element of elements) {
      // 0 literal, 7 pound (#), 8 tag: carry no argument name of their own.
      if (element.type !== 0 && element.type !== 7 && element.type !== 8 && element.value)
        names.add(element.value);
      for (const option of Object.values(element.options ?? {})) walk(option.value);
      if (element.children) walk(element.children);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst() as AstElement[]);
  return [...names].sort();
}

const english = flatten(en as unknown as Tree);
const chinese = flatten(zh as unknown as Tree);
const sections = [...new Set([...english.keys()].map((key) => key.split('.')[0]))];

describe('the dashboard in English and Simplified Chinese', () => {
  it('has the same keys in both languages', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(1000);
  });

  describe.each(sections)('section %s', (section) => {
    const keys = [...english.keys()].filter((key) => key.split('.')[0] === section);

    it('parses as ICU message format in both, with the same placeholders', () => {
      const mismatched = keys.filter((key) => {
        const zhMessage = chinese.get(key);
        return (
          zhMessage === undefined ||
          placeholders(english.get(key)!, 'en').join() !== placeholders(zhMessage, 'zh').join()
        );
      });
      expect(mismatched).toEqual([]);
    });

    it('is translated: no Chinese message equal to its English one unless allowed', () => {
      const untranslated = keys.filter(
        (key) =>
          chinese.get(key) === english.get(key) && hasWord(english.get(key)!) && !ALLOWED_SAME.has(key),
      );
      expect(untranslated).toEqual([]);
    });
  });
});

/**
 * A message with no word outside its placeholders (`{from} – {to}`, `{ruleId} · {source}`) reads the same in any
 * language; only words count.
 */
const hasWord = (message: string) => /\p{L}/u.test(message.replace(/\{\s*\w+\s*\}/g, ''));
