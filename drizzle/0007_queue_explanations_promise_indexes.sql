ALTER TABLE "cases" ADD COLUMN "blocked_rule_id" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "blocked_reason" text;--> statement-breakpoint
CREATE INDEX "promises_status_due_case_idx" ON "promises" USING btree ("status","due_date","case_id");--> statement-breakpoint
CREATE INDEX "promises_case_status_due_idx" ON "promises" USING btree ("case_id","status","due_date");