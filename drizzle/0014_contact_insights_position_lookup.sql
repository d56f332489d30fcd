-- The QA sample looks up each contact's window position by id (decision record 009): index-only with it included.
CREATE INDEX IF NOT EXISTS "contact_insights_contact_position_idx" ON "contact_insights" USING btree ("contact_id") INCLUDE ("window_position");
