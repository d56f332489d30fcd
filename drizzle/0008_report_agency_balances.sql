CREATE TABLE "report_agency_balances" (
	"kind" text NOT NULL,
	"day" date,
	"agency_id" uuid NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"placement_count" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "report_agency_balances_key" UNIQUE NULLS NOT DISTINCT("kind","day","agency_id","portfolio_id","currency")
);
--> statement-breakpoint
-- Agency balances (decision record 011): each placement row contributes a `placed` event on its UTC placement
-- day, a `recalled` event on its UTC recall day once recalled, and an `open` balance while its status is
-- `placed`. An UPDATE takes the old contribution out and puts the new one in.
CREATE OR REPLACE FUNCTION report_roll_agency_placements() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO report_agency_balances AS r
           (kind, day, agency_id, portfolio_id, currency, placement_count, amount_minor)
    SELECT x.kind, x.day, x.agency_id, c.portfolio_id, x.currency, sum(x.sign)::int, sum(x.sign * x.amount)
      FROM (SELECT n.case_id, n.agency_id, n.currency, n.balance_at_placement_minor AS amount,
                 1 AS sign, e.kind, e.day
            FROM report_new_rows n
            CROSS JOIN LATERAL (VALUES ('placed', (n.placed_at AT TIME ZONE 'UTC')::date),
                                       ('recalled', (n.recalled_at AT TIME ZONE 'UTC')::date),
                                       ('open', NULL::date)) e(kind, day)
           WHERE e.kind = 'placed' OR (e.kind = 'recalled' AND n.recalled_at IS NOT NULL)
              OR (e.kind = 'open' AND n.status = 'placed')) x
      JOIN cases c ON c.id = x.case_id
     GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT report_agency_balances_key DO UPDATE
       SET placement_count = r.placement_count + excluded.placement_count,
           amount_minor = r.amount_minor + excluded.amount_minor;
  ELSE
    INSERT INTO report_agency_balances AS r
           (kind, day, agency_id, portfolio_id, currency, placement_count, amount_minor)
    SELECT x.kind, x.day, x.agency_id, c.portfolio_id, x.currency, sum(x.sign)::int, sum(x.sign * x.amount)
      FROM (SELECT n.case_id, n.agency_id, n.currency, n.balance_at_placement_minor AS amount,
                 1 AS sign, e.kind, e.day
            FROM report_new_rows n
            CROSS JOIN LATERAL (VALUES ('placed', (n.placed_at AT TIME ZONE 'UTC')::date),
                                       ('recalled', (n.recalled_at AT TIME ZONE 'UTC')::date),
                                       ('open', NULL::date)) e(kind, day)
           WHERE e.kind = 'placed' OR (e.kind = 'recalled' AND n.recalled_at IS NOT NULL)
              OR (e.kind = 'open' AND n.status = 'placed')
          UNION ALL
          SELECT o.case_id, o.agency_id, o.currency, o.balance_at_placement_minor AS amount,
                 -1 AS sign, e.kind, e.day
            FROM report_old_rows o
            CROSS JOIN LATERAL (VALUES ('placed', (o.placed_at AT TIME ZONE 'UTC')::date),
                                       ('recalled', (o.recalled_at AT TIME ZONE 'UTC')::date),
                                       ('open', NULL::date)) e(kind, day)
           WHERE e.kind = 'placed' OR (e.kind = 'recalled' AND o.recalled_at IS NOT NULL)
              OR (e.kind = 'open' AND o.status = 'placed')) x
      JOIN cases c ON c.id = x.case_id
     GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT report_agency_balances_key DO UPDATE
       SET placement_count = r.placement_count + excluded.placement_count,
           amount_minor = r.amount_minor + excluded.amount_minor;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agency_placements_report_rollup_insert AFTER INSERT ON agency_placements
  REFERENCING NEW TABLE AS report_new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_roll_agency_placements();
--> statement-breakpoint
CREATE TRIGGER agency_placements_report_rollup_update AFTER UPDATE ON agency_placements
  REFERENCING OLD TABLE AS report_old_rows NEW TABLE AS report_new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION report_roll_agency_placements();
