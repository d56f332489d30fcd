-- The queues' read model moves out of `cases` into a table of its own, owned by queues (decision records 039 and
-- the queue-state table's): one row per case. The judged columns (priority, workable instant, why not now) are
-- written by queues/projection.ts; the promise keys and the calendar-zone hint by the triggers of 0017/0019/0020,
-- retargeted here; the case's debtor, status, agent and team are mirrored by triggers on `cases`, so the queue
-- indexes (moved here too) stay partial on them. Every trigger is listed in server/src/db/triggers.ts.
CREATE TABLE "case_queue_state" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"debtor_id" uuid NOT NULL,
	"status" "case_status" NOT NULL,
	"assigned_agent_id" uuid,
	"team_id" uuid,
	"priority" integer DEFAULT 0 NOT NULL,
	"next_workable_at" timestamp with time zone,
	"blocked_rule_id" text,
	"blocked_reason_code" text,
	"blocked_reason_params" jsonb,
	"next_pending_due" date,
	"second_pending_due" date,
	"latest_promise_due" date,
	"latest_promise_status" "promise_status",
	"calendar_zone_hint" text
);
--> statement-breakpoint
-- The English `blocked_reason` is not kept: the two blocks no rule judges get codes of their own (noPhoneOnFile,
-- rulesUnavailable with the check's text). A row judged before 0028 (a rule's text, no code) reads as never judged,
-- so its queue page judges it live until its next refresh or the nightly roll.
INSERT INTO "case_queue_state" ("case_id", "debtor_id", "status", "assigned_agent_id", "team_id", "priority",
  "next_workable_at", "blocked_rule_id", "blocked_reason_code", "blocked_reason_params",
  "next_pending_due", "second_pending_due", "latest_promise_due", "latest_promise_status", "calendar_zone_hint")
SELECT "id", "debtor_id", "status", "assigned_agent_id", "team_id", "priority", "next_workable_at", "blocked_rule_id",
  CASE
    WHEN "blocked_reason_code" IS NOT NULL THEN "blocked_reason_code"
    WHEN "blocked_reason" = 'No phone number on file.' THEN 'noPhoneOnFile'
    WHEN "blocked_rule_id" IS NULL AND "blocked_reason" IS NOT NULL THEN 'rulesUnavailable'
  END,
  CASE
    WHEN "blocked_reason_code" IS NOT NULL THEN "blocked_reason_params"
    WHEN "blocked_reason" = 'No phone number on file.' THEN '{}'::jsonb
    WHEN "blocked_rule_id" IS NULL AND "blocked_reason" IS NOT NULL THEN jsonb_build_object('detail', "blocked_reason")
  END,
  "next_pending_due", "second_pending_due", "latest_promise_due", "latest_promise_status", "calendar_zone_hint"
FROM "cases" ORDER BY "id";
--> statement-breakpoint
ALTER TABLE "case_queue_state" ADD CONSTRAINT "case_queue_state_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "case_queue_state" ADD CONSTRAINT "case_queue_state_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "case_queue_state" ADD CONSTRAINT "case_queue_state_assigned_agent_id_users_id_fk" FOREIGN KEY ("assigned_agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "case_queue_state" ADD CONSTRAINT "case_queue_state_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "queue_state_agent_priority_idx" ON "case_queue_state" USING btree ("assigned_agent_id","priority" DESC NULLS LAST);
--> statement-breakpoint
CREATE INDEX "queue_state_team_pool_priority_idx" ON "case_queue_state" USING btree ("team_id","priority" DESC NULLS LAST) WHERE "case_queue_state"."assigned_agent_id" is null and "case_queue_state"."status" = 'active';
--> statement-breakpoint
CREATE INDEX "queue_state_workable_idx" ON "case_queue_state" USING btree ("assigned_agent_id","next_workable_at") WHERE "case_queue_state"."status" = 'active';
--> statement-breakpoint
CREATE INDEX "queue_state_agent_priority_walk_idx" ON "case_queue_state" USING btree ("assigned_agent_id","priority","case_id","next_workable_at") WHERE "case_queue_state"."status" = 'active';
--> statement-breakpoint
CREATE INDEX "queue_state_agent_workable_walk_idx" ON "case_queue_state" USING btree ("assigned_agent_id","next_workable_at","case_id") WHERE "case_queue_state"."status" = 'active';
--> statement-breakpoint
CREATE INDEX "queue_state_pool_priority_walk_idx" ON "case_queue_state" USING btree ("team_id","priority","case_id","next_workable_at") WHERE "case_queue_state"."assigned_agent_id" is null and "case_queue_state"."status" = 'active';
--> statement-breakpoint
CREATE INDEX "queue_state_pool_workable_walk_idx" ON "case_queue_state" USING btree ("team_id","next_workable_at","case_id") WHERE "case_queue_state"."assigned_agent_id" is null and "case_queue_state"."status" = 'active';
--> statement-breakpoint
CREATE INDEX "queue_state_agent_promise_due_idx" ON "case_queue_state" USING btree ("assigned_agent_id","next_pending_due","priority","case_id","second_pending_due","calendar_zone_hint","debtor_id") WHERE "case_queue_state"."status" = 'active' and "case_queue_state"."next_pending_due" is not null;
--> statement-breakpoint
CREATE INDEX "queue_state_pool_promise_due_idx" ON "case_queue_state" USING btree ("team_id","next_pending_due","priority","case_id","second_pending_due","calendar_zone_hint","debtor_id") WHERE "case_queue_state"."assigned_agent_id" is null and "case_queue_state"."status" = 'active' and "case_queue_state"."next_pending_due" is not null;
--> statement-breakpoint
CREATE INDEX "queue_state_agent_broken_promise_idx" ON "case_queue_state" USING btree ("assigned_agent_id","priority","case_id","latest_promise_due","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "case_queue_state"."status" = 'active' and "case_queue_state"."latest_promise_status" = 'broken';
--> statement-breakpoint
CREATE INDEX "queue_state_pool_broken_promise_idx" ON "case_queue_state" USING btree ("team_id","priority","case_id","latest_promise_due","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "case_queue_state"."assigned_agent_id" is null and "case_queue_state"."status" = 'active' and "case_queue_state"."latest_promise_status" = 'broken';
--> statement-breakpoint
CREATE INDEX "queue_state_agent_pending_promise_idx" ON "case_queue_state" USING btree ("assigned_agent_id","latest_promise_due","priority","case_id","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "case_queue_state"."status" = 'active' and "case_queue_state"."latest_promise_status" = 'pending';
--> statement-breakpoint
CREATE INDEX "queue_state_pool_pending_promise_idx" ON "case_queue_state" USING btree ("team_id","latest_promise_due","priority","case_id","latest_promise_status","calendar_zone_hint","debtor_id") WHERE "case_queue_state"."assigned_agent_id" is null and "case_queue_state"."status" = 'active' and "case_queue_state"."latest_promise_status" = 'pending';
--> statement-breakpoint
-- Cases vacuum at 2 % churn (0015); the queue rows are rewritten by every refresh, so they do too.
ALTER TABLE "case_queue_state" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
--> statement-breakpoint
DROP TRIGGER promises_case_keys_insert ON promises;
--> statement-breakpoint
DROP TRIGGER promises_case_keys_update ON promises;
--> statement-breakpoint
DROP TRIGGER promises_case_keys_delete ON promises;
--> statement-breakpoint
DROP TRIGGER cases_zone_hint_insert ON cases;
--> statement-breakpoint
DROP TRIGGER debtors_zone_hint_update ON debtors;
--> statement-breakpoint
DROP TRIGGER contact_points_zone_hint_insert ON contact_points;
--> statement-breakpoint
DROP TRIGGER contact_points_zone_hint_update ON contact_points;
--> statement-breakpoint
DROP TRIGGER contact_points_zone_hint_delete ON contact_points;
--> statement-breakpoint
DROP FUNCTION cases_promise_keys_trigger();
--> statement-breakpoint
DROP FUNCTION cases_refresh_promise_keys(uuid[]);
--> statement-breakpoint
DROP FUNCTION cases_zone_hint_on_insert();
--> statement-breakpoint
DROP FUNCTION cases_zone_hints_from_debtors();
--> statement-breakpoint
DROP FUNCTION cases_zone_hints_from_points();
--> statement-breakpoint
DROP FUNCTION cases_refresh_zone_hints(uuid[]);
--> statement-breakpoint
DROP FUNCTION cases_refresh_all_zone_hints();
--> statement-breakpoint
-- The promise keys (0017, 0020) on the case's queue row: the earliest pending due date and the next one after it,
-- and the latest live promise's date and status (among exact ties a broken one, then a pending one). Only rows whose
-- keys change are written.
CREATE OR REPLACE FUNCTION queue_state_refresh_promise_keys(ids uuid[]) RETURNS void AS $$
  UPDATE case_queue_state q
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
      SELECT p.due_date, p.status FROM promises p
      WHERE p.case_id = a.id AND p.status <> 'cancelled'
      ORDER BY p.due_date DESC, p.created_at DESC, (p.status = 'broken') DESC, (p.status = 'pending') DESC
      LIMIT 1
    ) l ON true
  ) k
  WHERE q.case_id = k.id
    AND (q.next_pending_due IS DISTINCT FROM k.next_pending_due
      OR q.second_pending_due IS DISTINCT FROM k.second_pending_due
      OR q.latest_promise_due IS DISTINCT FROM k.latest_due
      OR q.latest_promise_status IS DISTINCT FROM k.latest_status);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION queue_state_promise_keys_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM queue_state_refresh_promise_keys(ARRAY(SELECT DISTINCT case_id FROM promise_key_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER promises_case_keys_insert AFTER INSERT ON promises
  REFERENCING NEW TABLE AS promise_key_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_promise_keys_trigger();
--> statement-breakpoint
CREATE TRIGGER promises_case_keys_update AFTER UPDATE ON promises
  REFERENCING NEW TABLE AS promise_key_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_promise_keys_trigger();
--> statement-breakpoint
CREATE TRIGGER promises_case_keys_delete AFTER DELETE ON promises
  REFERENCING OLD TABLE AS promise_key_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_promise_keys_trigger();
--> statement-breakpoint
-- The calendar-zone hint (0019) on the case's queue row: the debtor's named zone, else their first contact point's.
CREATE OR REPLACE FUNCTION queue_state_refresh_zone_hints(debtor_ids uuid[]) RETURNS void AS $$
  UPDATE case_queue_state q SET calendar_zone_hint = h.hint
  FROM (SELECT a.id, debtor_zone_hint(a.id) AS hint FROM unnest(debtor_ids) AS a(id)) h
  WHERE q.debtor_id = h.id AND q.calendar_zone_hint IS DISTINCT FROM h.hint;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION queue_state_zone_hints_from_debtors() RETURNS trigger AS $$
BEGIN
  PERFORM queue_state_refresh_zone_hints(ARRAY(SELECT id FROM zone_hint_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER debtors_zone_hint_update AFTER UPDATE ON debtors
  REFERENCING NEW TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_zone_hints_from_debtors();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION queue_state_zone_hints_from_points() RETURNS trigger AS $$
BEGIN
  PERFORM queue_state_refresh_zone_hints(ARRAY(SELECT DISTINCT debtor_id FROM zone_hint_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_points_zone_hint_insert AFTER INSERT ON contact_points
  REFERENCING NEW TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_zone_hints_from_points();
--> statement-breakpoint
CREATE TRIGGER contact_points_zone_hint_update AFTER UPDATE ON contact_points
  REFERENCING NEW TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_zone_hints_from_points();
--> statement-breakpoint
CREATE TRIGGER contact_points_zone_hint_delete AFTER DELETE ON contact_points
  REFERENCING OLD TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION queue_state_zone_hints_from_points();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION queue_state_refresh_all_zone_hints() RETURNS void AS $$
  UPDATE case_queue_state q SET calendar_zone_hint = h.hint
  FROM (
    SELECT d.id, coalesce(d.explicit_time_zone, p.time_zone) AS hint
    FROM debtors d
    LEFT JOIN LATERAL (
      SELECT cp.time_zone FROM contact_points cp
      WHERE cp.debtor_id = d.id AND cp.time_zone IS NOT NULL
      ORDER BY cp.created_at, cp.id LIMIT 1
    ) p ON true
  ) h
  WHERE q.debtor_id = h.id AND q.calendar_zone_hint IS DISTINCT FROM h.hint;
$$ LANGUAGE sql;
--> statement-breakpoint
-- A new case gets its queue row, with its mirrored columns and its zone hint (an insert that writes the rows itself,
-- the placement import, keeps them: on conflict nothing). Once per statement, from its transition table.
CREATE OR REPLACE FUNCTION queue_state_for_new_cases() RETURNS trigger AS $$
BEGIN
  INSERT INTO case_queue_state (case_id, debtor_id, status, assigned_agent_id, team_id, calendar_zone_hint)
  SELECT n.id, n.debtor_id, n.status, n.assigned_agent_id, n.team_id, debtor_zone_hint(n.debtor_id)
  FROM queue_state_new_cases n
  ON CONFLICT (case_id) DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_queue_state_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS queue_state_new_cases FOR EACH STATEMENT EXECUTE FUNCTION queue_state_for_new_cases();
--> statement-breakpoint
-- The case's owner columns the queue indexes are partial on, mirrored when they change: a row trigger whose WHEN
-- skips every update that leaves them (a version bump, a payment, the ladder roll's days past due) without a call.
CREATE OR REPLACE FUNCTION queue_state_mirror_case() RETURNS trigger AS $$
BEGIN
  UPDATE case_queue_state
  SET debtor_id = NEW.debtor_id, status = NEW.status, assigned_agent_id = NEW.assigned_agent_id, team_id = NEW.team_id,
      calendar_zone_hint = CASE WHEN OLD.debtor_id IS DISTINCT FROM NEW.debtor_id
        THEN debtor_zone_hint(NEW.debtor_id) ELSE calendar_zone_hint END
  WHERE case_id = NEW.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_queue_state_mirror AFTER UPDATE OF debtor_id, status, assigned_agent_id, team_id ON cases
  FOR EACH ROW WHEN (OLD.debtor_id IS DISTINCT FROM NEW.debtor_id OR OLD.status IS DISTINCT FROM NEW.status
    OR OLD.assigned_agent_id IS DISTINCT FROM NEW.assigned_agent_id OR OLD.team_id IS DISTINCT FROM NEW.team_id)
  EXECUTE FUNCTION queue_state_mirror_case();
--> statement-breakpoint
DROP INDEX "cases_agent_priority_idx";
--> statement-breakpoint
DROP INDEX "cases_team_pool_priority_idx";
--> statement-breakpoint
DROP INDEX "cases_workable_idx";
--> statement-breakpoint
DROP INDEX "cases_active_agent_priority_idx";
--> statement-breakpoint
DROP INDEX "cases_active_agent_workable_idx";
--> statement-breakpoint
DROP INDEX "cases_pool_priority_idx";
--> statement-breakpoint
DROP INDEX "cases_agent_promise_due_idx";
--> statement-breakpoint
DROP INDEX "cases_pool_promise_due_idx";
--> statement-breakpoint
DROP INDEX "cases_agent_broken_promise_idx";
--> statement-breakpoint
DROP INDEX "cases_pool_broken_promise_idx";
--> statement-breakpoint
DROP INDEX "cases_agent_pending_promise_idx";
--> statement-breakpoint
DROP INDEX "cases_pool_pending_promise_idx";
--> statement-breakpoint
DROP INDEX "cases_pool_workable_idx";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "priority";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "next_workable_at";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "blocked_rule_id";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "blocked_reason";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "blocked_reason_code";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "blocked_reason_params";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "next_pending_due";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "second_pending_due";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "calendar_zone_hint";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "latest_promise_due";
--> statement-breakpoint
ALTER TABLE "cases" DROP COLUMN "latest_promise_status";
