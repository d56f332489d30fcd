-- Supervision pages on a million-case book (decision record 010, Measured).
-- Scope probes: complaints and escalation requests are kept to a supervisor's teams by their case's team; with the
-- team beside the id the probe per row is index-only instead of a heap read of the case.
CREATE INDEX "cases_id_team_idx" ON "cases" USING btree ("id") INCLUDE ("team_id");--> statement-breakpoint
-- Team overview: active cases per team and agent (and the pool) counted from a small index, not the table.
CREATE INDEX "cases_active_team_agent_idx" ON "cases" USING btree ("team_id","assigned_agent_id") WHERE "cases"."status" = 'active';--> statement-breakpoint
-- Team cases: a team's active cases in the list's order (days past due descending, then id), so a page (also of
-- one bucket, as its days-past-due range) is read in order, and the capped count is index-only.
CREATE INDEX "cases_active_team_dpd_idx" ON "cases" USING btree ("team_id","days_past_due" DESC,"id") INCLUDE ("bucket","stage","assigned_agent_id") WHERE "cases"."status" = 'active';--> statement-breakpoint
-- Complaints list: walked in its order (target first) instead of sorting every complaint in scope.
CREATE INDEX "complaints_resolve_by_idx" ON "complaints" USING btree ("resolve_by","id");
