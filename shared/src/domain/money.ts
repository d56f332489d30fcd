/**
 * Money is an integer count of minor units (cents, fen) with an ISO 4217 currency. Never a float.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

const minorDigitsCache = new Map<string, number>();

/** How many minor-unit digits a currency has (USD 2, CNY 2, JPY 0), from Intl. */
export function minorDigits(currency: string): number {
  let digits = minorDigitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2;
    minorDigitsCache.set(currency, digits);
  }
  return digits;
}

/** Formats an amount for a viewer's locale, e.g. `$1,234.50` or `¥1,234.50`. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amountMinor / 10 ** digits);
}

/**
 * An amount inside a sentence. English writes it as in a table (`$1,234.50`); Chinese running text puts the unit
 * after the number (`1,234.50元`, `1,234.50美元`), while tables keep the symbol (`¥1,234.50`, formatMoney).
 */
export function formatMoneyInText(amountMinor: number, currency: string, locale: string): string {
  if (!locale.toLowerCase().startsWith('zh')) return formatMoney(amountMinor, currency, locale);
  const digits = minorDigits(currency);
  const major = amountMinor / 10 ** digits;
  if (currency === 'CNY') {
    const number = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return `${number.format(major)}元`;
  }
  // Intl names the unit after the number in Chinese: 1,234.50美元.
  return new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'name' }).format(
    major,
  );
}

/**
 * An amount in major units as plain decimal text with the currency's digits (`-1234.50`, `1200` for JPY),
 * for files a spreadsheet reads as numbers. Built from the integer, so no float rounding enters.
 */
export function majorUnitsText(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const minor = String(Math.abs(Math.trunc(amountMinor))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${minor}`;
  return `${sign}${minor.slice(0, -digits)}.${minor.slice(-digits)}`;
}

/** Parses a decimal amount typed by a person ("12.34") into minor units, or null when it is not one. */
export function parseAmountToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d{1,12})(?:[.,](\d+))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
