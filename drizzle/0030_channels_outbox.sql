CREATE TABLE "outbound_message_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbound_message_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" bigint NOT NULL,
	"state" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"provider_message_id" text,
	"contact_log_id" bigint,
	"decision_id" bigint,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_channel_settings" (
	"portfolio_id" uuid PRIMARY KEY NOT NULL,
	"email_from_name" text,
	"email_from_address" text,
	"push_url" text,
	"push_secret" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "contact_point_id" uuid;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "disclosures" text[];--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "contact_log_id" bigint;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "provider" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "state" text DEFAULT 'queued' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "outbound_message_events" ADD CONSTRAINT "outbound_message_events_message_id_outbound_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."outbound_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_channel_settings" ADD CONSTRAINT "portfolio_channel_settings_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbound_message_events_message_idx" ON "outbound_message_events" USING btree ("message_id","id");--> statement-breakpoint
CREATE INDEX "contact_log_corrects_idx" ON "contact_log" USING btree ("corrects_id") WHERE corrects_id is not null;--> statement-breakpoint
CREATE INDEX "outbound_messages_created_idx" ON "outbound_messages" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outbound_messages_case_idx" ON "outbound_messages" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "outbound_messages_provider_id_idx" ON "outbound_messages" USING btree ("provider_message_id");--> statement-breakpoint
CREATE TRIGGER outbound_message_events_append_only BEFORE UPDATE OR DELETE ON outbound_message_events
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER outbound_message_events_no_truncate BEFORE TRUNCATE ON outbound_message_events
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
