import { minorDigits, parseAmountToMinor } from '@arrears/shared/domain/money';

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
