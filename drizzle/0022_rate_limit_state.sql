CREATE TABLE "rate_limit_state" (
	"key" text PRIMARY KEY NOT NULL,
	"spent_until" timestamp with time zone NOT NULL,
	"refused" integer DEFAULT 0 NOT NULL
);
