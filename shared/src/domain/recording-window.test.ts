import { describe, expect, it } from 'vitest';
import { renderErrorMessage } from '../errors/messages.ts';
import { caseEventWindow, outsideWindow, pastContactWindow } from './recording-window.ts';

const placedAt = new Date('2026-10-01T00:00:00Z');

describe('pastContactWindow', () => {
  it("starts at the agent's local midnight when that is nearer than the hours cap", () => {
    // 12:00 in New York (EST): midnight was 7 hours ago.
    const window = pastContactWindow({
      now: new Date('2026-11-11T17:00:00Z'),
      agentZone: 'America/New_York',
      placedAt,
    });
    expect(window).toEqual({
      earliest: new Date('2026-11-11T05:00:00Z'),
      latest: new Date('2026-11-11T17:02:00Z'),
      earliestIs: 'working_day',
    });
  });

  it('starts 12 hours back late in the day, and at the placement of a case placed this morning', () => {
    const evening = new Date('2026-11-12T02:00:00Z'); // 21:00 in New York
    expect(pastContactWindow({ now: evening, agentZone: 'America/New_York', placedAt })).toMatchObject({
      earliest: new Date('2026-11-11T14:00:00Z'),
      earliestIs: 'hours',
    });
    const placedThisMorning = new Date('2026-11-11T20:00:00Z');
    expect(
      pastContactWindow({ now: evening, agentZone: 'America/New_York', placedAt: placedThisMorning }),
    ).toMatchObject({ earliest: placedThisMorning, earliestIs: 'placement' });
  });

  it("follows the agent's zone across a daylight-saving change: midnight before the switch", () => {
    // Sunday 2026-11-01, 05:00 in New York (EST since 02:00 EDT); midnight was EDT, 04:00Z.
    const window = pastContactWindow({
      now: new Date('2026-11-01T10:00:00Z'),
      agentZone: 'America/New_York',
      placedAt,
    });
    expect(window.earliest).toEqual(new Date('2026-11-01T04:00:00Z'));
  });
});

describe('outsideWindow', () => {
  const window = caseEventWindow({ now: new Date('2026-11-11T17:00:00Z'), placedAt });

  it('accepts the bounds themselves and names the field and window otherwise', () => {
    expect(outsideWindow('receivedAt', placedAt, window)).toBeNull();
    expect(outsideWindow('receivedAt', new Date('2026-11-11T17:02:00Z'), window)).toBeNull();
    const early = outsideWindow('receivedAt', new Date('2026-09-30T00:00:00Z'), window);
    expect(early?.field).toBe('receivedAt');
    expect(renderErrorMessage(early!.problem, 'en')).toBe(
      '2026-09-30T00:00:00Z is too far back; allowed from 2026-10-01T00:00:00Z (when the case was placed) to now',
    );
    expect(renderErrorMessage(early!.problem, 'zh')).toBe(
      '2026年9月30日 00:00 UTC 过早；允许的时间范围是从 2026年10月1日 00:00 UTC（案件委托之时）到现在',
    );
    const late = outsideWindow('receivedAt', new Date('2026-11-11T17:02:01Z'), window);
    expect(late?.field).toBe('receivedAt');
    expect(renderErrorMessage(late!.problem, 'en')).toMatch(
      /^2026-11-11T17:02:01Z is in the future; the latest allowed is now/,
    );
  });
});
