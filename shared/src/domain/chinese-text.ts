import { minorDigits } from './money.ts';

/**
 * Dates and amounts as Chinese running text writes them: 2026年11月20日, 1,234.50元. Tables and statements show
 * amounts with the symbol instead (¥1,234.50, formatMoney with zh-CN).
 */

/** A `YYYY-MM-DD` date (or an ISO instant's UTC date) as "2026年11月20日". */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const UNITS: Readonly<Record<string, string>> = { CNY: '元', USD: '美元' };

/** Figures then unit: "1,234.50元", "25.00美元"; a currency without a Chinese unit keeps its code. */
export function chineseAmount(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const figures = new Intl.NumberFormat('zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
  const unit = UNITS[currency];
  return unit === undefined ? `${figures} ${currency}` : `${figures}${unit}`;
}
