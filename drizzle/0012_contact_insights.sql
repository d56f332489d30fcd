CREATE TABLE "contact_insights" (
	"contact_id" bigint PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"agent_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"timed" boolean NOT NULL,
	"debtor_zone" text NOT NULL,
	"local_hour" smallint NOT NULL,
	"local_minute" smallint NOT NULL,
	"local_weekday" smallint NOT NULL,
	"window_position" smallint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contact_insights" ADD CONSTRAINT "contact_insights_contact_id_contact_log_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contact_log"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_insights_agent_cell_idx" ON "contact_insights" USING btree ("agent_id","occurred_at","case_id","local_weekday","local_hour","window_position") WHERE "contact_insights"."timed";--> statement-breakpoint
CREATE INDEX "contact_insights_time_cell_idx" ON "contact_insights" USING btree ("occurred_at","case_id","local_weekday","local_hour","window_position") WHERE "contact_insights"."timed";