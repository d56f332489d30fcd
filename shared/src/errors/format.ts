import { formatMoney } from '../domain/money.ts';
import { TERMS, type TermTable } from './terms.ts';

/**
 * The message syntax of the error catalogue: a subset of ICU MessageFormat, enough for server refusals and small
 * enough to need no dependency on the server. `{name}` puts a parameter in; `{n, plural, =1 {…} one {…} other {…}}`
 * chooses by count (`#` is the count); `{kind, select, call {…} other {…}}` chooses by value (an enum's words);
 * `{amount, money}` is an amount in minor units of `params.currency`, formatted for the language; `{at, instant}` an
 * ISO instant as a date and time in UTC; `{status, term,
 * complaintStatus}` is an enum value in the language's words (terms.ts), `{roles, list, role}` several of them
 * (comma-separated in the parameter) joined by "or".
 */

export type MessageParams = Readonly<Record<string, string | number>>;

const LOCALE_OF = { en: 'en-US', zh: 'zh-CN' } as const;
export type MessageLanguage = keyof typeof LOCALE_OF;

export function formatMessage(template: string, params: MessageParams, language: MessageLanguage): string {
  let text = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) return text + template.slice(at);
    const close = closingBrace(template, open);
    text += template.slice(at, open) + argument(template.slice(open + 1, close), params, language);
    at = close + 1;
  }
  return text;
}

/** Every parameter a template names, nested choices included: what a translation must keep. */
export function argumentNames(template: string): Set<string> {
  const names = new Set<string>();
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) break;
    const close = closingBrace(template, open);
    const { name, type, options } = split(template.slice(open + 1, close));
    names.add(name);
    if (type === 'money') names.add('currency');
    for (const branch of Object.values(options))
      for (const nested of argumentNames(branch)) names.add(nested);
    at = close + 1;
  }
  return names;
}

function argument(body: string, params: MessageParams, language: MessageLanguage): string {
  const { name, type, style, options } = split(body);
  const value = params[name];
  if (value === undefined) return `{${name}}`;
  if (type === 'money') {
    return formatMoney(Number(value), String(params.currency), LOCALE_OF[language]);
  }
  if (type === 'instant') return instant(String(value), language);
  if (type === 'term') return term(style, String(value), language);
  if (type === 'list') {
    const words = String(value)
      .split(',')
      .map((item) => term(style, item, language));
    return new Intl.ListFormat(LOCALE_OF[language], { type: 'disjunction' }).format(words);
  }
  if (type === 'plural') {
    const count = Number(value);
    const branch =
      options[`=${count}`] ??
      options[new Intl.PluralRules(LOCALE_OF[language]).select(count)] ??
      options.other;
    return formatMessage((branch ?? '').replaceAll('#', String(count)), params, language);
  }
  if (type === 'select')
    return formatMessage(options[String(value)] ?? options.other ?? '', params, language);
  return String(value);
}

function instant(iso: string, language: MessageLanguage): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const options = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' } as const;
  return `${new Intl.DateTimeFormat(LOCALE_OF[language], options).format(at)} UTC`;
}

function term(table: string, value: string, language: MessageLanguage): string {
  const words = TERMS[language][table as TermTable] as Record<string, string> | undefined;
  return words?.[value] ?? value;
}

interface Argument {
  name: string;
  type: string | undefined;
  /** What follows the type: a term table's name, or the choices of a plural or select. */
  style: string;
  options: Record<string, string>;
}

/** `name`, `name, money`, `name, term|list, table` or `name, plural|select, key {text} key {text}…` */
function split(body: string): Argument {
  const [name = '', type, ...rest] = body.split(',');
  const style = rest.join(',');
  const options: Record<string, string> = {};
  let at = 0;
  while (at < style.length) {
    const open = style.indexOf('{', at);
    if (open < 0) break;
    const close = closingBrace(style, open);
    options[style.slice(at, open).trim()] = style.slice(open + 1, close);
    at = close + 1;
  }
  return { name: name.trim(), type: type?.trim(), style: style.trim(), options };
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let at = open; at < text.length; at++) {
    if (text[at] === '{') depth++;
    else if (text[at] === '}' && --depth === 0) return at;
  }
  throw new Error(`unbalanced braces in message "${text}"`);
}
