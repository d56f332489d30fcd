-- cases.calendar_zone_hint, kept by the database: the debtor's named zone, else the zone of their first contact point
-- (creation order) that has one. When it is a zone the database knows it is the debtor's calendar zone (decision 3
-- of COMPLIANCE.md), and the promise queues read the debtor's today from it without visiting the debtor; otherwise
-- they fall back to the full rule (decision record 007).
CREATE OR REPLACE FUNCTION debtor_zone_hint(debtor uuid) RETURNS text AS $$
  SELECT coalesce(
    (SELECT d.explicit_time_zone FROM debtors d WHERE d.id = debtor),
    (SELECT cp.time_zone FROM contact_points cp
      WHERE cp.debtor_id = debtor AND cp.time_zone IS NOT NULL
      ORDER BY cp.created_at, cp.id LIMIT 1));
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_refresh_zone_hints(debtor_ids uuid[]) RETURNS void AS $$
  UPDATE cases c SET calendar_zone_hint = h.hint
  FROM (SELECT a.id, debtor_zone_hint(a.id) AS hint FROM unnest(debtor_ids) AS a(id)) h
  WHERE c.debtor_id = h.id AND c.calendar_zone_hint IS DISTINCT FROM h.hint;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_zone_hint_on_insert() RETURNS trigger AS $$
BEGIN
  NEW.calendar_zone_hint := debtor_zone_hint(NEW.debtor_id);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER cases_zone_hint_insert BEFORE INSERT ON cases
  FOR EACH ROW EXECUTE FUNCTION cases_zone_hint_on_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_zone_hints_from_debtors() RETURNS trigger AS $$
BEGIN
  PERFORM cases_refresh_zone_hints(ARRAY(SELECT id FROM zone_hint_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER debtors_zone_hint_update AFTER UPDATE ON debtors
  REFERENCING NEW TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_zone_hints_from_debtors();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_zone_hints_from_points() RETURNS trigger AS $$
BEGIN
  PERFORM cases_refresh_zone_hints(ARRAY(SELECT DISTINCT debtor_id FROM zone_hint_rows));
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_points_zone_hint_insert AFTER INSERT ON contact_points
  REFERENCING NEW TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_zone_hints_from_points();
--> statement-breakpoint
CREATE TRIGGER contact_points_zone_hint_update AFTER UPDATE ON contact_points
  REFERENCING NEW TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_zone_hints_from_points();
--> statement-breakpoint
CREATE TRIGGER contact_points_zone_hint_delete AFTER DELETE ON contact_points
  REFERENCING OLD TABLE AS zone_hint_rows FOR EACH STATEMENT EXECUTE FUNCTION cases_zone_hints_from_points();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cases_refresh_all_zone_hints() RETURNS void AS $$
  UPDATE cases c SET calendar_zone_hint = h.hint
  FROM (
    SELECT d.id, coalesce(d.explicit_time_zone, p.time_zone) AS hint
    FROM debtors d
    LEFT JOIN LATERAL (
      SELECT cp.time_zone FROM contact_points cp
      WHERE cp.debtor_id = d.id AND cp.time_zone IS NOT NULL
      ORDER BY cp.created_at, cp.id LIMIT 1
    ) p ON true
  ) h
  WHERE c.debtor_id = h.id AND c.calendar_zone_hint IS DISTINCT FROM h.hint;
$$ LANGUAGE sql;
--> statement-breakpoint
SELECT cases_refresh_all_zone_hints();
