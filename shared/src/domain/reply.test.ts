import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyReply } from './reply.ts';

const STOP_KEYWORDS = [
  'STOP',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  'REVOKE',
  'OPT OUT',
  'OPT-OUT',
  'OPTOUT',
  '退订',
  'TD',
  'T',
];

/** Words that say nothing about stopping, some with a stop word inside them. */
const NEUTRAL_WORDS = [
  'hello',
  'tomorrow',
  'attend',
  'stopwatch',
  'pay',
  'friday',
  'ok',
  'thanks',
  'who',
  'is',
  'this',
  'sent',
  'weekend',
  'quite',
  'cancellation',
  't-mobile',
  "don't",
  'tt',
  'optional',
  '我',
  '明天',
  '还款',
];

const word = fc.constantFrom(...NEUTRAL_WORDS);
const separator = fc.constantFrom(' ', ', ', '. ', '! ', '? ', '\n', ' - ', '…', '，', '。', '！');
/** A run of neutral words, joined by spaces and punctuation. */
const neutralText = fc
  .array(fc.tuple(word, separator), { maxLength: 6 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
const punctuation = fc.constantFrom('', '.', '!', '!!', '?', '"', "'", '。', '！');

/** Every letter in upper or lower case, as the fuzzer picks. */
function mixedCase(text: string, flips: readonly boolean[]): string {
  return [...text]
    .map((c, i) => (flips[i % Math.max(flips.length, 1)] ? c.toUpperCase() : c.toLowerCase()))
    .join('');
}

describe('classifyReply', () => {
  it('reads every stop word as stop, in any case, with words and punctuation around it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STOP_KEYWORDS),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }),
        neutralText,
        neutralText,
        punctuation,
        punctuation,
        (keyword, flips, before, after, open, close) => {
          const text = `${before} ${open}${mixedCase(keyword, flips)}${close} ${after}`;
          expect(classifyReply(text), text).toBe('stop');
        },
      ),
    );
  });

  it('never reads a reply of neutral words as stop', () => {
    fc.assert(
      fc.property(neutralText, (text) => {
        expect(classifyReply(text), text).toBe('unclassified');
      }),
    );
  });

  it('reads the same whatever the case of the letters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 40 }), (text) => {
        expect(classifyReply(text.toUpperCase())).toBe(classifyReply(text.toLowerCase()));
      }),
    );
  });

  it('lets stop win over help wherever each stands', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STOP_KEYWORDS), neutralText, fc.boolean(), (keyword, around, first) => {
        const text = first ? `${keyword} ${around} help` : `help ${around} ${keyword}`;
        expect(classifyReply(text), text).toBe('stop');
      }),
    );
  });

  it.each([
    ['STOP', 'stop'],
    ['stop.', 'stop'],
    ['Stop!!!', 'stop'],
    ['please stop texting me', 'stop'],
    ["Don't text me", 'stop'],
    ['do not message me again', 'stop'],
    ['no more texts please', 'stop'],
    ['Opt out', 'stop'],
    ['opt-out now', 'stop'],
    ['UNSUBSCRIBE', 'stop'],
    ['ok end', 'stop'],
    ['T', 'stop'],
    ['t.', 'stop'],
    ['回复TD', 'stop'],
    ['TD', 'stop'],
    ['退订', 'stop'],
    ['我要退订，谢谢', 'stop'],
    ['别再发了', 'stop'],
    ['不要再发', 'stop'],
    ['停止', 'stop'],
    ['ＳＴＯＰ', 'stop'],
    ['HELP', 'help'],
    ['help?', 'help'],
    ['info', 'help'],
    ['帮助', 'help'],
    ['stopwatch', 'unclassified'],
    ['Tomorrow', 'unclassified'],
    ['I will attend', 'unclassified'],
    ['Sent from my T-Mobile', 'unclassified'],
    ["I can't pay until Friday", 'unclassified'],
    ['who is this?', 'unclassified'],
    ['明天还款', 'unclassified'],
    ['', 'unclassified'],
  ])('reads %j as %s', (text, expected) => {
    expect(classifyReply(text)).toBe(expected);
  });
});
