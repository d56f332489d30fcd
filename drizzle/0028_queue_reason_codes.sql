ALTER TABLE "cases" ADD COLUMN "blocked_reason_code" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "blocked_reason_params" jsonb;