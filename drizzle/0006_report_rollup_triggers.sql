-- Report rollups (decision record 011) are kept exact in the same transaction as the rows they sum: one
-- statement-level trigger per source table aggregates the statement's transition table and upserts the sums,
-- so a bulk INSERT or COPY costs one grouped upsert, not one per row. The reporting day is the UTC day.
CREATE OR REPLACE FUNCTION report_roll_payments() RETURNS trigger AS $$
BEGIN
  INSERT INTO report_daily_collections AS r (day, portfolio_id, currency, agent_id, amount_minor, payment_count)
  SELECT (n.received_at AT TIME ZONE 'UTC')::date, c.portfolio_id, n.currency, c.assigned_agent_id,
         sum(n.amount_minor), count(*) FILTER (WHERE n.amount_minor > 0)
    FROM report_new_rows n JOIN cases c ON c.id = n.case_id
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT report_daily_collections_key DO UPDATE
     SET amount_minor = r.amount_minor + excluded.amount_minor,
         payment_count = r.payment_count + excluded.payment_count;
  INSERT INTO report_vintage_collections AS r (portfolio_id, placement_month, currency, months_since, amount_minor)
  SELECT c.portfolio_id, date_trunc('month', c.placed_at AT TIME ZONE 'UTC')::date, n.currency,
         ((extract(year FROM n.received_at AT TIME ZONE 'UTC') - extract(year FROM c.placed_at AT TIME ZONE 'UTC')) * 12
          + extract(month FROM n.received_at AT TIME ZONE 'UTC') - extract(month FROM c.placed_at AT TIME ZONE 'UTC'))::int,
         sum(n.amount_minor)
    FROM report_new_rows n JOIN cases c ON c.id = n.case_id
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (portfolio_id, placement_month, currency, months_since) DO UPDATE
     SET amount_minor = r.amount_minor + excluded.amount_minor;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payments_report_rollup AFTER INSERT ON payments
  REFERENCING NEW TABLE AS report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_roll_payments();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_roll_contacts() RETURNS trigger AS $$
BEGIN
  INSERT INTO report_daily_contacts AS r
         (day, portfolio_id, currency, agent_id, contacts, call_attempts, right_party_contacts)
  SELECT (n.occurred_at AT TIME ZONE 'UTC')::date, c.portfolio_id, c.currency, n.agent_id, count(*),
         count(*) FILTER (WHERE n.direction = 'outbound' AND n.kind IN ('call', 'autodial_call')),
         count(*) FILTER (WHERE n.direction = 'outbound' AND n.kind IN ('call', 'autodial_call')
                            AND n.outcome = 'conversation')
    FROM report_new_rows n JOIN cases c ON c.id = n.case_id
   GROUP BY 1, 2, 3, 4
  ON CONFLICT ON CONSTRAINT report_daily_contacts_key DO UPDATE
     SET contacts = r.contacts + excluded.contacts,
         call_attempts = r.call_attempts + excluded.call_attempts,
         right_party_contacts = r.right_party_contacts + excluded.right_party_contacts;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_log_report_rollup AFTER INSERT ON contact_log
  REFERENCING NEW TABLE AS report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_roll_contacts();
--> statement-breakpoint
-- Promises change status (pending → kept, broken, cancelled): an UPDATE takes the old rows out and puts the
-- new ones in, so a bucket of (due date, portfolio, currency, agent, status) always counts what is there now.
CREATE OR REPLACE FUNCTION report_roll_promises() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_daily_promises AS r
           (due_date, portfolio_id, currency, agent_id, status, promise_count, amount_minor)
    SELECT n.due_date, c.portfolio_id, n.currency, n.created_by, n.status, count(*), sum(n.amount_minor)
      FROM report_new_rows n JOIN cases c ON c.id = n.case_id
     GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT report_daily_promises_key DO UPDATE
       SET promise_count = r.promise_count + excluded.promise_count,
           amount_minor = r.amount_minor + excluded.amount_minor;
  ELSE
    INSERT INTO report_daily_promises AS r
           (due_date, portfolio_id, currency, agent_id, status, promise_count, amount_minor)
    SELECT x.due_date, c.portfolio_id, x.currency, x.created_by, x.status, sum(x.sign)::int,
           sum(x.sign * x.amount_minor)
      FROM (SELECT n.case_id, n.due_date, n.currency, n.created_by, n.status, 1 AS sign, n.amount_minor
              FROM report_new_rows n
            UNION ALL
            SELECT o.case_id, o.due_date, o.currency, o.created_by, o.status, -1, o.amount_minor
              FROM report_old_rows o) x
      JOIN cases c ON c.id = x.case_id
     GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT report_daily_promises_key DO UPDATE
       SET promise_count = r.promise_count + excluded.promise_count,
           amount_minor = r.amount_minor + excluded.amount_minor;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER promises_report_rollup_insert AFTER INSERT ON promises
  REFERENCING NEW TABLE AS report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_roll_promises();
--> statement-breakpoint
CREATE TRIGGER promises_report_rollup_update AFTER UPDATE ON promises
  REFERENCING OLD TABLE AS report_old_rows NEW TABLE AS report_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_roll_promises();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION report_roll_cases() RETURNS trigger AS $$
BEGIN
  INSERT INTO report_vintage_cohorts AS r (portfolio_id, placement_month, currency, case_count, placed_minor)
  SELECT n.portfolio_id, date_trunc('month', n.placed_at AT TIME ZONE 'UTC')::date, n.currency, count(*),
         sum(n.principal_minor + n.interest_minor + n.fees_minor)
    FROM report_new_rows n
   GROUP BY 1, 2, 3
  ON CONFLICT (portfolio_id, placement_month, currency) DO UPDATE
     SET case_count = r.case_count + excluded.case_count,
         placed_minor = r.placed_minor + excluded.placed_minor;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_report_rollup AFTER INSERT ON cases
  REFERENCING NEW TABLE AS report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_roll_cases();
