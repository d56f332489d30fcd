CREATE TABLE "report_bucket_rolls" (
	"month" date NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"from_bucket" text NOT NULL,
	"to_bucket" text NOT NULL,
	"case_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_daily_collections" (
	"day" date NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"agent_id" uuid,
	"amount_minor" bigint NOT NULL,
	"payment_count" integer NOT NULL,
	CONSTRAINT "report_daily_collections_key" UNIQUE NULLS NOT DISTINCT("day","portfolio_id","currency","agent_id")
);
--> statement-breakpoint
CREATE TABLE "report_daily_contacts" (
	"day" date NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"agent_id" uuid,
	"contacts" integer NOT NULL,
	"call_attempts" integer NOT NULL,
	"right_party_contacts" integer NOT NULL,
	CONSTRAINT "report_daily_contacts_key" UNIQUE NULLS NOT DISTINCT("day","portfolio_id","currency","agent_id")
);
--> statement-breakpoint
CREATE TABLE "report_daily_promises" (
	"due_date" date NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"currency" text NOT NULL,
	"agent_id" uuid,
	"status" "promise_status" NOT NULL,
	"promise_count" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	CONSTRAINT "report_daily_promises_key" UNIQUE NULLS NOT DISTINCT("due_date","portfolio_id","currency","agent_id","status")
);
--> statement-breakpoint
CREATE TABLE "report_vintage_cohorts" (
	"portfolio_id" uuid NOT NULL,
	"placement_month" date NOT NULL,
	"currency" text NOT NULL,
	"case_count" integer NOT NULL,
	"placed_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_vintage_collections" (
	"portfolio_id" uuid NOT NULL,
	"placement_month" date NOT NULL,
	"currency" text NOT NULL,
	"months_since" integer NOT NULL,
	"amount_minor" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "report_bucket_rolls_key" ON "report_bucket_rolls" USING btree ("month","portfolio_id","currency","from_bucket","to_bucket");--> statement-breakpoint
CREATE UNIQUE INDEX "report_vintage_cohorts_key" ON "report_vintage_cohorts" USING btree ("portfolio_id","placement_month","currency");--> statement-breakpoint
CREATE UNIQUE INDEX "report_vintage_collections_key" ON "report_vintage_collections" USING btree ("portfolio_id","placement_month","currency","months_since");