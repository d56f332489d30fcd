ALTER TABLE "inbound_replies" ADD COLUMN "provider_message_id" text;--> statement-breakpoint
ALTER TABLE "portfolio_channel_settings" ADD COLUMN "sms_signature_cn" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "approved_for_cn_sms" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_replies_provider_message_idx" ON "inbound_replies" USING btree ("provider_message_id","contact_point_id") WHERE "inbound_replies"."provider_message_id" is not null;