CREATE TYPE "public"."contact_point_provenance" AS ENUM('debtor_used', 'debtor_given', 'creditor_used', 'employer');--> statement-breakpoint
CREATE TYPE "public"."dispute_subject" AS ENUM('debt', 'original_creditor');--> statement-breakpoint
CREATE TYPE "public"."reply_class" AS ENUM('stop', 'help', 'unclassified');--> statement-breakpoint
ALTER TYPE "public"."message_purpose" ADD VALUE 'transactional';--> statement-breakpoint
ALTER TYPE "public"."message_purpose" ADD VALUE 'opt_out_confirmation';--> statement-breakpoint
ALTER TYPE "public"."message_purpose" ADD VALUE 'original_creditor_answer';--> statement-breakpoint
CREATE TABLE "inbound_replies" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inbound_replies_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"debtor_id" uuid NOT NULL,
	"contact_point_id" uuid NOT NULL,
	"body" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"classification" "reply_class" NOT NULL,
	"classified_by" uuid,
	"classified_at" timestamp with time zone,
	"classifies_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "provenance" "contact_point_provenance" DEFAULT 'debtor_given' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "creditor_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "reassigned_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contact_points" ADD COLUMN "undeliverable_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "debtors" ADD COLUMN "esign_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "disputes" ADD COLUMN "subject" "dispute_subject" DEFAULT 'debt' NOT NULL;--> statement-breakpoint
ALTER TABLE "inbound_replies" ADD CONSTRAINT "inbound_replies_debtor_id_debtors_id_fk" FOREIGN KEY ("debtor_id") REFERENCES "public"."debtors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_replies" ADD CONSTRAINT "inbound_replies_contact_point_id_contact_points_id_fk" FOREIGN KEY ("contact_point_id") REFERENCES "public"."contact_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_replies" ADD CONSTRAINT "inbound_replies_classified_by_users_id_fk" FOREIGN KEY ("classified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_replies_debtor_idx" ON "inbound_replies" USING btree ("debtor_id","received_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "inbound_replies_classifies_idx" ON "inbound_replies" USING btree ("classifies_id");--> statement-breakpoint
-- Replies are history like the contact log: a person's classification is a new row naming the reply.
CREATE TRIGGER inbound_replies_append_only BEFORE UPDATE OR DELETE ON inbound_replies
  FOR EACH ROW EXECUTE FUNCTION arrears_reject_history_change();
--> statement-breakpoint
CREATE TRIGGER inbound_replies_no_truncate BEFORE TRUNCATE ON inbound_replies
  FOR EACH STATEMENT EXECUTE FUNCTION arrears_reject_history_change();
