CREATE TYPE "public"."ui_language" AS ENUM('en', 'zh');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" "ui_language" DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- Users who work in Chinese (the China team's zh-CN locale) start in Chinese; each may switch afterwards.
UPDATE "users" SET "language" = 'zh' WHERE lower("locale") LIKE 'zh%';
