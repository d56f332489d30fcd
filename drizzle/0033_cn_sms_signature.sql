ALTER TABLE "portfolio_channel_settings" ADD COLUMN "sms_signature_cn" text;--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "approved_for_cn_sms" boolean DEFAULT false NOT NULL;