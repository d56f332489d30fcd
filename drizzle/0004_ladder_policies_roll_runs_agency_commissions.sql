CREATE TABLE "agency_commissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" bigint NOT NULL,
	"placement_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"commission_minor" bigint NOT NULL,
	"currency" text NOT NULL,
	"commission_bps" integer NOT NULL,
	"reference" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ladder_policies" (
	"portfolio_id" uuid PRIMARY KEY NOT NULL,
	"agent_from_days" integer NOT NULL,
	"agency_from_days" integer NOT NULL,
	"legal_from_days" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roll_runs" (
	"run_date" date PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"as_of" timestamp with time zone NOT NULL,
	"summary" jsonb,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "agency_commissions" ADD CONSTRAINT "agency_commissions_placement_id_agency_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."agency_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_commissions" ADD CONSTRAINT "agency_commissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_policies" ADD CONSTRAINT "ladder_policies_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_policies" ADD CONSTRAINT "ladder_policies_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_commissions_payment_key" ON "agency_commissions" USING btree ("payment_id");--> statement-breakpoint
CREATE INDEX "agency_commissions_placement_idx" ON "agency_commissions" USING btree ("placement_id");--> statement-breakpoint
CREATE INDEX "agency_commissions_agency_idx" ON "agency_commissions" USING btree ("agency_id","currency");