import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER, serverSources } from './support/server-sources.ts';

/**
 * The queue state of a case (its row of `case_queue_state`) has one writer, queues' projection (decision records
 * 039 and the queue-state table's): no other server file assigns the judged columns in an UPDATE, neither as SQL
 * text nor through the query builder's `.set({ … })`, and none updates the table at all. The rest of the row is
 * kept by triggers (db/triggers.ts). Inserts of new rows are left to their own tests: the placement import writes
 * its fresh cases' rows, the seed's bulk load streams them (materialize.ts).
 */
const WRITER = 'modules/queues/projection.ts';
const SQL_ASSIGNMENT =
  /\b(next_workable_at|blocked_rule_id|blocked_reason(?:_code|_params)?|priority)\s*=(?!=)/;
const BUILDER_SET =
  /\.set\(\{[^}]*\b(nextWorkableAt|blockedRuleId|blockedReason(?:Code|Params)?|priority)\b/s;

/** An UPDATE of the queue's table, as SQL text (by name or through the schema object) or through the builder. */
const TABLE_UPDATE =
  /\bupdate\s+(\$\{caseQueueState\}|"?case_queue_state"?)\s|\.update\((?:s\.)?caseQueueState\)/i;
/** An INSERT into it. */
const TABLE_INSERT =
  /\binsert\s+into\s+(\$\{caseQueueState\}|"?case_queue_state"?)\s|\.insert\((?:s\.)?caseQueueState\)/i;

function writesQueueColumns(source: string): boolean {
  return SQL_ASSIGNMENT.test(source) || BUILDER_SET.test(source) || TABLE_UPDATE.test(source);
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
    expect(writesQueueColumns('update $' + '{caseQueueState} set calendar_zone_hint = null')).toBe(true);
    expect(writesQueueColumns('update case_queue_state q set team_id = $1')).toBe(true);
    expect(writesQueueColumns('db.update(caseQueueState).set({ teamId })')).toBe(true);
    expect(writesQueueColumns('select * from case_queue_state where status = $1')).toBe(false);
  });

  it('are inserted only for new cases: by the placement import with its judgements, and by the seed', () => {
    const inserters = serverSources().filter((file) => TABLE_INSERT.test(readFileSync(file, 'utf8')));
    expect(inserters.map((file) => path.relative(SERVER, file)).sort()).toEqual([
      'db/seed/queue-rows.ts',
      'modules/placements/import.service.ts',
    ]);
  });

  it('are updated by the queue projection only', () => {
    const files = serverSources();
    expect(files).toContain(path.join(SERVER, WRITER));
    const writers = files.filter((file) => writesQueueColumns(readFileSync(file, 'utf8')));
    expect(writers.map((file) => path.relative(SERVER, file))).toEqual([WRITER]);
  });
});
