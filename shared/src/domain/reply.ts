import type { ReplyClass } from './enums.ts';

/**
 * What an inbound text means (COMPLIANCE.md decision 13): `stop` when a reasonable person would read it as "stop"
 * (the TCPA's revocation by any reasonable means), `help` when it asks for help, else `unclassified` — held for a
 * person to read (POL-REPLY-HOLD). Stop wins over help.
 *
 * Words are matched whole, in any case, wherever they stand: "Stop.", "please STOP texting me", "ok, end" are stop;
 * "stopwatch", "Tomorrow", "attend", "T-Mobile" and "don't" are not (the word is inside another word). The reading
 * errs toward stop: a false stop costs a channel the debtor can give back, a missed one breaks the law. Chinese has
 * no spaces, so its phrases are matched anywhere in the text.
 */
export function classifyReply(text: string): ReplyClass {
  const normalized = text.normalize('NFKC').toLowerCase();
  if (CHINESE_STOP.test(normalized) || ENGLISH_STOP_PHRASE.test(normalized)) return 'stop';
  let help = CHINESE_HELP.test(normalized);
  let previous = '';
  for (const raw of normalized.split(SEPARATOR)) {
    const word = raw.replace(EDGE_MARKS, '');
    if (word === '') continue;
    if (STOP_WORDS.has(word) || (previous === 'opt' && word === 'out')) return 'stop';
    if (HELP_WORDS.has(word)) help = true;
    previous = word;
  }
  return help ? 'help' : 'unclassified';
}

/**
 * The stop words of the CTIA and FCC lists, China's 退订 shorthands (TD, T) as words of their own, and `opt-out`
 * (`opt out` is two words, matched in sequence).
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'stop',
  'stopall',
  'unsubscribe',
  'cancel',
  'end',
  'quit',
  'revoke',
  'optout',
  'opt-out',
  'td',
  't',
]);
const HELP_WORDS: ReadonlySet<string> = new Set(['help', 'info']);

/** Words are runs of Latin letters, digits, apostrophes and hyphens: "don't" and "t-mobile" stay one word. */
const SEPARATOR = /[^a-z0-9'’-]+/;
/** Quotes and dashes around a word ("'stop'", "stop-") are not part of it. */
const EDGE_MARKS = /^['’-]+|['’-]+$/g;

/** 退订 (unsubscribe), 停止 (stop), 别再发/不要再发 (don't send again), 别发/不要发, 拒收 (refuse), 取消订阅. */
const CHINESE_STOP = /退订|退訂|停止|别再发|不要再发|别发|不要发|拒收|取消订阅|别再联系|不要再联系/;
const CHINESE_HELP = /帮助|幫助/;
/** "don't text me", "do not message me", "no more texts", "remove me", "leave me alone". */
const ENGLISH_STOP_PHRASE =
  /\b(?:don['’]?t|do not|never)\s+(?:text|txt|message|msg|sms|contact|email|call)\b|\bno more (?:texts?|messages?|sms)\b|\bremove me\b|\bleave me alone\b|\btake me off\b/;
