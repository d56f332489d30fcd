import { dateOfDay } from '../domain/calendar.ts';
import type { ActionKind, ContactPointKind } from './actions.ts';
import { DAY_MS } from './instant.ts';
import type { ZoneClock } from './time.ts';

/** Wording for reasons an agent reads: short, concrete, in the debtor's local time. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const ACTION_LABELS: Readonly<Record<ActionKind, string>> = {
  call: 'call',
  autodial_call: 'dialer call',
  voicemail: 'voicemail',
  sms: 'text message',
  email: 'email',
  letter: 'letter',
  app_push: 'app notification',
  field_visit: 'field visit',
  third_party_contact: 'third-party contact',
  agency_placement: 'agency placement',
  legal_filing: 'legal filing',
};

export const POINT_LABELS: Readonly<Record<ContactPointKind, string>> = {
  mobile: 'mobile number',
  landline: 'landline',
  work_phone: 'work number',
  email: 'email address',
  home_address: 'home address',
  work_address: 'work address',
  app: 'app',
};

/** A local day number (days since 1970-01-01) as "Jun 4". */
export function formatDay(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** A calendar date with its year, for facts that may lie far back ("2025-12-31"). */
export function formatDate(clock: ZoneClock, at: number): string {
  return dateOfDay(clock.dayOf(at));
}

export function formatDayRange(from: number, to: number): string {
  return `${formatDay(from)}–${formatDay(to)}`;
}

export function formatMinute(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** "a call", "an email". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** Capitalizes the first letter, for reasons that start with a generated phrase. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "1 call", "7 calls"; irregular plurals are passed in ("calls or texts"). */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** The last `days` local days ending with `day`, as a day range for a reason. */
export function windowDays(day: number, days: number): string {
  return days === 1 ? formatDay(day) : formatDayRange(day - days + 1, day);
}
