-- The contact log, compliance decisions, payments and audit events are history: the law (Reg F 1006.100,
-- the NIFA convention) and our supervisors need them unchanged. The database itself refuses to change them,
-- so no code path, script or console session can. A correction is a new row that points at the old one.
CREATE OR REPLACE FUNCTION arrears_reject_history_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege', HINT = 'record a correction as a new row';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER contact_log_append_only BEFORE UPDATE OR DELETE ON contact_log
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER contact_log_no_truncate BEFORE TRUNCATE ON contact_log
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER compliance_decisions_append_only BEFORE UPDATE OR DELETE ON compliance_decisions
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER compliance_decisions_no_truncate BEFORE TRUNCATE ON compliance_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON payments
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER reviews_append_only BEFORE UPDATE OR DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
