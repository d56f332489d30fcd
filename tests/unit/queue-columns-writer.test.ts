import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER, serverSources } from './support/server-sources.ts';

/**
 * The queue columns of a case have one writer, queues' projection (decision record 037): no other server file
 * assigns them in an UPDATE, neither as SQL text nor through the query builder's `.set({ … })`. Inserts of new rows
 * (a placement import, the seed's bulk load) are not updates and are left to their own tests.
 */
const WRITER = 'modules/queues/projection.ts';
const SQL_ASSIGNMENT =
  /\b(next_workable_at|blocked_rule_id|blocked_reason(?:_code|_params)?|priority)\s*=(?!=)/;
const BUILDER_SET =
  /\.set\(\{[^}]*\b(nextWorkableAt|blockedRuleId|blockedReason(?:Code|Params)?|priority)\b/s;

function writesQueueColumns(source: string): boolean {
  return SQL_ASSIGNMENT.test(source) || BUILDER_SET.test(source);
}

describe('the queue columns', () => {
  it('are recognised when assigned in SQL or through the builder, and not when read or compared', () => {
    expect(writesQueueColumns('update cases set priority = 0 where id = $1')).toBe(true);
    expect(writesQueueColumns('update cases c set blocked_reason = null from picked')).toBe(true);
    expect(writesQueueColumns('update cases set blocked_reason_code = v.code')).toBe(true);
    expect(writesQueueColumns('tx.update(cases).set({ blockedReasonParams: null })')).toBe(true);
    expect(writesQueueColumns('tx.update(cases).set({ version: 2, nextWorkableAt: now })')).toBe(true);
    expect(writesQueueColumns('order by cases.priority desc, cases.id desc')).toBe(false);
    expect(writesQueueColumns('where next_workable_at <= $1 and priority >= 10')).toBe(false);
    expect(writesQueueColumns('.set({ claimedBy: null })')).toBe(false);
  });

  it('are updated by the queue projection only', () => {
    const files = serverSources();
    expect(files).toContain(path.join(SERVER, WRITER));
    const writers = files.filter((file) => writesQueueColumns(readFileSync(file, 'utf8')));
    expect(writers.map((file) => path.relative(SERVER, file))).toEqual([WRITER]);
  });
});
