-- Reviews are history like the contact log and payments, but migration 0001 gave them only the row trigger: a
-- TRUNCATE fires no row trigger, so it needs a statement trigger of its own (decision record 021).
CREATE TRIGGER reviews_no_truncate BEFORE TRUNCATE ON reviews
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
