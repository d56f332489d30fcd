-- The promise keys of cases (next_pending_due, latest_promise_due, latest_promise_status), kept by the database
-- from the promises themselves so that no code path (the guard, plans, the nightly roll, imports, seeds) can forget
-- them. The promise queues walk an index on them to their candidates and then apply the exact rule on the
-- debtor's calendar (decision record 007). Only rows whose keys change are written.
CREATE OR REPLACE FUNCTION cases_refresh_promise_keys(ids uuid[]) RETURNS void AS $$
  UPDATE cases c
  SET next_pending_due = k.next_pending_due,
      latest_promise_due = k.latest_due,
      latest_promise_status = k.latest_status
  FROM (
    SELECT a.id,
      (SELECT min(p.due_date) FROM promises p WHERE p.case_id = a.id AND p.status = 'pending') AS next_pending_due,
      l.due_date AS latest_due,
      l.status AS latest_status
    FROM unnest(ids) AS a(id)
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
      OR c.latest_promise_due IS DISTINCT FROM k.latest_due
      OR c.latest_promise_status IS DISTINCT FROM k.latest_status);
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_promise_keys_trigger() RETURNS trigger AS $$
BEGIN
  PERFORM cases_refresh_promise_keys(ARRAY(SELECT DISTINCT case_id FROM promise_key_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER promises_case_keys_insert AFTER INSERT ON promises
  REFERENCING NEW TABLE AS promise_key_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_promise_keys_trigger();
--> statement-breakpoint
CREATE TRIGGER promises_case_keys_update AFTER UPDATE ON promises
  REFERENCING NEW TABLE AS promise_key_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_promise_keys_trigger();
--> statement-breakpoint
CREATE TRIGGER promises_case_keys_delete AFTER DELETE ON promises
  REFERENCING OLD TABLE AS promise_key_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_promise_keys_trigger();
--> statement-breakpoint
SELECT cases_refresh_promise_keys(ARRAY(SELECT DISTINCT case_id FROM promises));
