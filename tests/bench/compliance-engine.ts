import { pathToFileURL } from 'node:url';
import { evaluate } from '@arrears/shared/compliance/engine';
import type { ComplianceFacts, HistoryEvent } from '@arrears/shared/compliance/facts';

/**
 * Evaluations per second on one core for a debtor with 50 history events, the size of a busy case. The
 * engine runs before every contact attempt and for every action button on the agent's screen, so the goal
 * is at least 100,000 evaluations a second.
 */
const HOUR_MS = 3_600_000;
const OUTCOMES = ['no_answer', 'voicemail', 'busy', 'no_answer', 'conversation'] as const;

function history(now: number, count: number): HistoryEvent[] {
  // One event every ~29 hours going back ~60 days: calls, texts and emails; conversations 8+ days ago only.
  return Array.from({ length: count }, (_, i): HistoryEvent => {
    const at = new Date(now - (i + 1) * 29 * HOUR_MS).toISOString();
    const kind = i % 5 === 1 ? 'sms' : i % 5 === 3 ? 'email' : 'call';
    const outcome = kind === 'call' ? OUTCOMES[i % OUTCOMES.length]! : 'sent';
    const safeOutcome = outcome === 'conversation' && i < 8 ? 'no_answer' : outcome;
    const contactPointId = kind === 'email' ? 'e1' : 'm1';
    return { at, kind, direction: 'outbound', contactPointId, debtIds: ['D1'], outcome: safeOutcome };
  });
}

export function benchFacts(kind: 'allowed' | 'blocked' = 'allowed'): ComplianceFacts {
  const now = Date.parse('2026-06-10T18:00:00Z');
  const events = history(now, 50);
  if (kind === 'blocked') {
    // Two calls a day for the last four days on top: the 7-in-7 cap is reached, so the engine also searches.
    for (let hours = 24; hours <= 96; hours += 24) {
      for (const at of [now - hours * HOUR_MS, now - (hours + 2) * HOUR_MS]) {
        const iso = new Date(at).toISOString();
        events.push({
          at: iso,
          kind: 'call',
          direction: 'outbound',
          contactPointId: 'm1',
          debtIds: ['D1'],
          outcome: 'no_answer',
        });
      }
    }
  }
  return {
    now: new Date(now).toISOString(),
    debtor: { jurisdiction: { country: 'US', region: 'NY' }, timeZones: ['America/New_York'] },
    debt: { id: 'D1', status: 'active', initialCommunicationAt: '2026-04-01T15:00:00Z' },
    contactPoints: [
      { id: 'm1', kind: 'mobile', timeZone: 'America/Chicago', consent: { autodial: true, sms: true } },
      { id: 'e1', kind: 'email' },
    ],
    history: events,
    action: { kind: 'call', contactPointId: 'm1' },
  };
}

/** Evaluates the same facts for about `seconds` and returns the rate. */
export function benchEngine(seconds = 2, facts: ComplianceFacts = benchFacts()): { evalsPerSecond: number } {
  const expected = evaluate(facts).allowed;
  let evaluations = 0;
  const start = performance.now();
  const stop = start + seconds * 1000;
  while (performance.now() < stop) {
    // Batches keep the clock out of the measurement.
    for (let i = 0; i < 1000; i++) {
      if (evaluate(facts).allowed !== expected) throw new Error('the engine is not deterministic');
    }
    evaluations += 1000;
  }
  return { evalsPerSecond: Math.round(evaluations / ((performance.now() - start) / 1000)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const facts = benchFacts();
  console.log(`history events: ${facts.history?.length}, verdict allowed: ${evaluate(facts).allowed}`);
  benchEngine(0.3); // warm the JIT and the zone caches
  const { evalsPerSecond } = benchEngine(2, facts);
  console.log(
    `compliance engine: ${evalsPerSecond.toLocaleString('en-US')} evaluations/s (allowed call, goal 100,000)`,
  );
  const blocked = benchEngine(1, benchFacts('blocked'));
  const verdict = evaluate(benchFacts('blocked'));
  console.log(
    `compliance engine: ${blocked.evalsPerSecond.toLocaleString('en-US')} evaluations/s (blocked call with next allowed time ${verdict.nextAllowedAt})`,
  );
}
