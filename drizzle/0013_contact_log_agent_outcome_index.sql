-- Per-agent figures of the compliance audit (decision record 009): an agent's attempts and conversations in a
-- range counted index-only, without reading each contact-log row of a busy agent's week.
CREATE INDEX IF NOT EXISTS "contact_log_agent_time_outcome_idx" ON "contact_log" USING btree ("agent_id", "occurred_at") INCLUDE ("direction", "outcome");
