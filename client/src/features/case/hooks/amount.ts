import { minorDigits, parseAmountToMinor } from '@arrears/shared/domain/money';
import { z } from 'zod';

export type AmountProblem = 'empty' | 'invalid' | 'zero' | 'overBalance';

/**
 * An amount typed by the agent, in the case's currency, checked as the server checks it: a positive number
 * with no more decimals than the currency has and, where a ceiling is given, not over it.
 */
export function checkAmount(
  text: string,
  currency: string,
  ceilingMinor?: number,
): { amountMinor: number } | { problem: AmountProblem } {
  if (text.trim() === '') return { problem: 'empty' };
  const amountMinor = parseAmountToMinor(text.replaceAll(/[\s,](?=\d{3}\b)/g, ''), currency);
  if (amountMinor === null) return { problem: 'invalid' };
  if (amountMinor <= 0) return { problem: 'zero' };
  if (ceilingMinor !== undefined && amountMinor > ceilingMinor) return { problem: 'overBalance' };
  return { amountMinor };
}

/** An example amount for the field's hint, with the currency's decimals: `120.50`, `1200`. */
export function amountExample(currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? '1200' : `120.${'5'.padEnd(digits, '0')}`;
}

/**
 * The amount box of a form as a schema field: the typed text becomes minor units, or an issue whose message is
 * the problem's code (`empty`, `invalid`, `zero`, `overBalance`), which the form translates.
 */
export function amountText(currency: string, ceilingMinor?: number) {
  return z.string().transform((text, context) => {
    const checked = checkAmount(text, currency, ceilingMinor);
    if ('amountMinor' in checked) return checked.amountMinor;
    context.addIssue({ code: 'custom', message: checked.problem });
    return z.NEVER;
  });
}
