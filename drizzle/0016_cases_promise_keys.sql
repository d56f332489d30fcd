ALTER TABLE "cases" ADD COLUMN "next_pending_due" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "latest_promise_due" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "latest_promise_status" "promise_status";--> statement-breakpoint
CREATE INDEX "cases_agent_promise_due_idx" ON "cases" USING btree ("assigned_agent_id","next_pending_due","priority","id") WHERE "cases"."status" = 'active' and "cases"."next_pending_due" is not null;--> statement-breakpoint
CREATE INDEX "cases_pool_promise_due_idx" ON "cases" USING btree ("team_id","next_pending_due","priority","id") WHERE "cases"."assigned_agent_id" is null and "cases"."status" = 'active' and "cases"."next_pending_due" is not null;--> statement-breakpoint
CREATE INDEX "cases_agent_broken_promise_idx" ON "cases" USING btree ("assigned_agent_id","priority","id") WHERE "cases"."status" = 'active' and "cases"."latest_promise_status" = 'broken';--> statement-breakpoint
CREATE INDEX "cases_pool_broken_promise_idx" ON "cases" USING btree ("team_id","priority","id") WHERE "cases"."assigned_agent_id" is null and "cases"."status" = 'active' and "cases"."latest_promise_status" = 'broken';