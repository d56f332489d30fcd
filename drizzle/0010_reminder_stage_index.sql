-- The reminder scheduler walks active reminder-stage cases by id, a page at a time (decision 013): a partial
-- index holds just those (~9% of a book), so a page reads 500 index entries instead of filtering the primary key.
CREATE INDEX IF NOT EXISTS "cases_reminder_stage_idx" ON "cases" USING btree ("id") WHERE stage = 'reminder' AND status = 'active';
