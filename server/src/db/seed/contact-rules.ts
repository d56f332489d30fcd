import type { ActionKind, ContactOutcome, ContactPointKind, Direction } from '@arrears/shared/domain/enums';
import type { LocalTimeRange } from '../schema/index.ts';
import { dayOf, type LocalStamp, minuteOfDay } from './local-time.ts';

/**
 * The rules of COMPLIANCE.md that an invented history could break, checked before each contact joins it. The
 * check is deliberately stricter than the engine where that is simpler: every outbound call attempt counts,
 * whatever its outcome (docs/compliance/CATALOG.md, principle 4 exempts busy / not in service / failed), every message counts for MA and
 * WA, and the 7-in-7 ceiling applies to Chinese debts as well.
 * Contacts must be added in time order, so the 7-day window ending on a contact's day is the only one it can
 * newly fill (docs/compliance/CATALOG.md, principle 3).
 */
export interface PlannedContact {
  at: LocalStamp;
  kind: ActionKind;
  direction: Direction;
  pointKind: ContactPointKind | null;
  point: number | null;
  outcome: ContactOutcome;
}

const CALLS = new Set<ActionKind>(['call', 'autodial_call', 'voicemail']);
/** US-REGF-TIME and CN-CBA-HOURS: kinds bound to the local contact window. */
const TIMED = new Set<ActionKind>([
  'call',
  'autodial_call',
  'voicemail',
  'sms',
  'email',
  'app_push',
  'field_visit',
  'third_party_contact',
]);
const MA_COUNTED = new Set<ActionKind>(['call', 'autodial_call', 'voicemail', 'sms']);
const WA_COUNTED = new Set<ActionKind>(['call', 'autodial_call', 'voicemail', 'sms', 'email']);
const PERSONAL = new Set<ContactPointKind>(['mobile', 'landline']);
const WORKPLACE = new Set<ContactPointKind>(['work_phone', 'work_address']);
/** CN-CBA-DIALS: these outcomes reached a person; every other dial is "unanswered". */
const ANSWERED = new Set<ContactOutcome>(['conversation', 'wrong_party', 'third_party']);

type Counted =
  | 'call'
  | 'conversation'
  | 'unanswered'
  | 'maPersonal'
  | 'workPhone'
  | 'waCounted'
  | 'workplace';

const toMinute = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export class ContactBudget {
  private readonly log: PlannedContact[] = [];

  constructor(
    private readonly country: 'US' | 'CN',
    private readonly region: string | null,
    private readonly inconvenient: readonly LocalTimeRange[],
  ) {}

  /** Whether `contact`, later than everything logged, keeps every frequency and time-of-day rule. */
  allows(contact: PlannedContact): boolean {
    const last = this.log[this.log.length - 1];
    if (last && contact.at < last.at) throw new Error('contacts must be planned in time order');
    if (contact.direction === 'inbound') return true;
    if (TIMED.has(contact.kind) && !this.inWindow(contact.at)) return false;
    const day = dayOf(contact.at);
    // US-REGF-7IN7, kept in China too: the book has one frequency ceiling, so one check covers all of it.
    if (CALLS.has(contact.kind) && this.count(day, 7, 'call') >= 7) return false;
    if (this.country === 'CN')
      return !CALLS.has(contact.kind) || this.count(day, 1, 'unanswered', contact.point) < 6;
    // US-REGF-POSTCONV, inbound conversations included.
    if (CALLS.has(contact.kind) && this.count(day, 7, 'conversation') > 0) return false;
    if (this.region === 'MA' && MA_COUNTED.has(contact.kind)) {
      if (contact.pointKind === 'work_phone') return this.count(day, 30, 'workPhone') < 2;
      if (this.count(day, 7, 'maPersonal') >= 2) return false;
    }
    if (this.region === 'WA' && WA_COUNTED.has(contact.kind)) {
      if (this.count(day, 7, 'waCounted') >= 3) return false;
      if (WORKPLACE.has(contact.pointKind ?? 'app') && this.count(day, 7, 'workplace') >= 1) return false;
    }
    return true;
  }

  /** Logged contacts of a sort on the `days` local days ending with `day` (the log is in time order). */
  private count(day: number, days: number, sort: Counted, point: number | null = null): number {
    let count = 0;
    for (let i = this.log.length - 1; i >= 0; i--) {
      const c = this.log[i]!;
      if (dayOf(c.at) <= day - days) break;
      if (sort === 'conversation') {
        if (CALLS.has(c.kind) && c.outcome === 'conversation') count++;
        continue;
      }
      if (c.direction !== 'outbound') continue;
      const kind = c.pointKind ?? 'app';
      if (
        (sort === 'call' && CALLS.has(c.kind)) ||
        (sort === 'unanswered' && CALLS.has(c.kind) && c.point === point && !ANSWERED.has(c.outcome)) ||
        (sort === 'maPersonal' && MA_COUNTED.has(c.kind) && PERSONAL.has(kind)) ||
        (sort === 'workPhone' && kind === 'work_phone') ||
        (sort === 'waCounted' && WA_COUNTED.has(c.kind)) ||
        (sort === 'workplace' && WORKPLACE.has(kind))
      ) {
        count++;
      }
    }
    return count;
  }

  add(contact: PlannedContact): void {
    if (!this.allows(contact)) throw new Error(`planned contact at ${contact.at} breaks a contact rule`);
    this.log.push(contact);
  }

  /** 08:00–21:00 local (22:00 in China), half-open, outside any window the debtor called inconvenient. */
  private inWindow(at: LocalStamp): boolean {
    const minute = minuteOfDay(at);
    if (minute < 8 * 60 || minute >= (this.country === 'CN' ? 22 : 21) * 60) return false;
    return !this.inconvenient.some((w) => minute >= toMinute(w.from) && minute < toMinute(w.to));
  }
}
