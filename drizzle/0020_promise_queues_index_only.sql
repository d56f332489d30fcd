DROP INDEX "cases_agent_promise_due_idx";--> statement-breakpoint
DROP INDEX "cases_pool_promise_due_idx";--> statement-breakpoint
DROP INDEX "cases_agent_broken_promise_idx";--> statement-breakpoint
DROP INDEX "cases_pool_broken_promise_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "second_pending_due" date;--> statement-breakpoint
CREATE INDEX "cases_agent_pending_promise_idx" ON "cases" USING btree ("assigned_agent_id","latest_promise_due","priority","id","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "cases"."status" = 'active' and "cases"."latest_promise_status" = 'pending';--> statement-breakpoint
CREATE INDEX "cases_pool_pending_promise_idx" ON "cases" USING btree ("team_id","latest_promise_due","priority","id","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "cases"."assigned_agent_id" is null and "cases"."status" = 'active' and "cases"."latest_promise_status" = 'pending';--> statement-breakpoint
CREATE INDEX "cases_agent_promise_due_idx" ON "cases" USING btree ("assigned_agent_id","next_pending_due","priority","id","second_pending_due","calendar_zone_hint","debtor_id") WHERE "cases"."status" = 'active' and "cases"."next_pending_due" is not null;--> statement-breakpoint
CREATE INDEX "cases_pool_promise_due_idx" ON "cases" USING btree ("team_id","next_pending_due","priority","id","second_pending_due","calendar_zone_hint","debtor_id") WHERE "cases"."assigned_agent_id" is null and "cases"."status" = 'active' and "cases"."next_pending_due" is not null;--> statement-breakpoint
CREATE INDEX "cases_agent_broken_promise_idx" ON "cases" USING btree ("assigned_agent_id","priority","id","latest_promise_due","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "cases"."status" = 'active' and "cases"."latest_promise_status" = 'broken';--> statement-breakpoint
CREATE INDEX "cases_pool_broken_promise_idx" ON "cases" USING btree ("team_id","priority","id","latest_promise_due","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "cases"."assigned_agent_id" is null and "cases"."status" = 'active' and "cases"."latest_promise_status" = 'broken';--> statement-breakpoint
-- The promise keys gain second_pending_due: the earliest pending due date after next_pending_due. A case whose
-- earliest pending promise is past the debtor's date (not yet settled by the nightly roll) is due today when a later
-- pending promise falls due today; this key says so without reading the promises, unless two pending promises are
-- past their date. With the key columns, the hint and the debtor at the end of the promise-queue indexes, the queues
-- judge a candidate from the index alone (decision record 007).
CREATE OR REPLACE FUNCTION cases_refresh_promise_keys(ids uuid[]) RETURNS void AS $$
  UPDATE cases c
  SET next_pending_due = k.next_pending_due,
      second_pending_due = k.second_pending_due,
      latest_promise_due = k.latest_due,
      latest_promise_status = k.latest_status
  FROM (
    SELECT a.id, n.next_pending_due, n.second_pending_due, l.due_date AS latest_due, l.status AS latest_status
    FROM unnest(ids) AS a(id)
    LEFT JOIN LATERAL (
      SELECT min(d.due_date) AS next_pending_due,
        (SELECT min(p.due_date) FROM promises p
          WHERE p.case_id = a.id AND p.status = 'pending' AND p.due_date > min(d.due_date)) AS second_pending_due
      FROM promises d WHERE d.case_id = a.id AND d.status = 'pending'
    ) n ON true
    LEFT JOIN LATERAL (
      -- The latest live promise by due date, then creation. Among exact ties a broken one, else a pending one: the
      -- broken-promises rule holds a case when any of its latest promises is broken, or pending past its date.
      SELECT p.due_date, p.status FROM promises p
      WHERE p.case_id = a.id AND p.status <> 'cancelled'
      ORDER BY p.due_date DESC, p.created_at DESC, (p.status = 'broken') DESC, (p.status = 'pending') DESC
      LIMIT 1
    ) l ON true
  ) k
  WHERE c.id = k.id
    AND (c.next_pending_due IS DISTINCT FROM k.next_pending_due
      OR c.second_pending_due IS DISTINCT FROM k.second_pending_due
      OR c.latest_promise_due IS DISTINCT FROM k.latest_due
      OR c.latest_promise_status IS DISTINCT FROM k.latest_status);
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT cases_refresh_promise_keys(ARRAY(
  SELECT case_id FROM promises WHERE status = 'pending' GROUP BY case_id HAVING count(DISTINCT due_date) > 1));
--> statement-breakpoint
-- The debtor's today when the case's calendar-zone hint is not a known zone: decision 3 of COMPLIANCE.md, as
-- calendarZoneOf in the server applies it (the named zone, else the first contact point's known zone, else the
-- jurisdiction's first zone, else UTC), read from the statement's map of each known zone's date (`J:<country>:<region>`
-- keys give the jurisdictions'). A function with a FROM clause is never inlined, so the queue statements, which hold
-- it once per branch, are not planned with its subqueries each time; it runs only for the rare case without a hint.
CREATE OR REPLACE FUNCTION debtor_calendar_date(debtor uuid, dates jsonb) RETURNS date AS $$
  SELECT coalesce(
    dates ->> d.explicit_time_zone,
    (SELECT dates ->> cp.time_zone FROM contact_points cp
      WHERE cp.debtor_id = d.id AND dates ? cp.time_zone
      ORDER BY cp.created_at, cp.id LIMIT 1),
    dates ->> ('J:' || d.jurisdiction_country || ':' || coalesce(d.jurisdiction_region, '')),
    dates ->> ('J:' || d.jurisdiction_country || ':'),
    dates ->> 'UTC')::date
  FROM debtors d WHERE d.id = debtor;
$$ LANGUAGE sql STABLE;
