ALTER TYPE "public"."decision_outcome" ADD VALUE 'violated';--> statement-breakpoint
CREATE TABLE "dial_reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integration_key_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"debtor_id" uuid NOT NULL,
	"contact_point_id" uuid NOT NULL,
	"kind" "action_kind" NOT NULL,
	"reserved_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decision_id" bigint
);
--> statement-breakpoint
CREATE TABLE "dial_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dial_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"integration_key_id" uuid NOT NULL,
	"call_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"case_id" uuid NOT NULL,
	"reservation_id" uuid,
	"contact_id" bigint NOT NULL,
	"decision_id" bigint,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"team_ids" uuid[] NOT NULL,
	"portfolio_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "integration_keys_prefix_unique" UNIQUE("prefix"),
	CONSTRAINT "integration_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "supervisor_alerts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supervisor_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"case_id" uuid NOT NULL,
	"team_id" uuid,
	"contact_id" bigint,
	"decision_id" bigint,
	"details" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dial_reservations" ADD CONSTRAINT "dial_reservations_integration_key_id_integration_keys_id_fk" FOREIGN KEY ("integration_key_id") REFERENCES "public"."integration_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dial_reservations" ADD CONSTRAINT "dial_reservations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dial_reservations" ADD CONSTRAINT "dial_reservations_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dial_reservations" ADD CONSTRAINT "dial_reservations_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dial_results" ADD CONSTRAINT "dial_results_integration_key_id_integration_keys_id_fk" FOREIGN KEY ("integration_key_id") REFERENCES "public"."integration_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dial_results" ADD CONSTRAINT "dial_results_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dial_results" ADD CONSTRAINT "dial_results_reservation_id_dial_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "public"."dial_reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_alerts" ADD CONSTRAINT "supervisor_alerts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervisor_alerts" ADD CONSTRAINT "supervisor_alerts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dial_reservations_debtor_idx" ON "dial_reservations" USING btree ("debtor_id","expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dial_results_call_key" ON "dial_results" USING btree ("integration_key_id","call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dial_results_reservation_key" ON "dial_results" USING btree ("reservation_id");--> statement-breakpoint
CREATE INDEX "supervisor_alerts_team_idx" ON "supervisor_alerts" USING btree ("team_id","created_at" DESC NULLS LAST);