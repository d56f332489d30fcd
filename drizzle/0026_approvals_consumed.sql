ALTER TABLE "escalation_requests" ADD COLUMN "consumed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalation_requests" ADD COLUMN "consumed_for" uuid;--> statement-breakpoint
ALTER TABLE "escalation_requests" ADD CONSTRAINT "escalation_requests_consumed_check" CHECK (("escalation_requests"."consumed_at" is null) = ("escalation_requests"."consumed_for" is null) and ("escalation_requests"."consumed_at" is null or "escalation_requests"."status" = 'approved'));--> statement-breakpoint
-- Approvals already used before approvals were consumed: each action taken since an approval of its kind uses up
-- the oldest such approval on its case (decision 026), so an approval granted before this migration and already
-- acted on cannot allow a second action. Two actions finding the same approval use it once (best effort).
UPDATE "escalation_requests" e SET "consumed_at" = u."at", "consumed_for" = u."action_id"
FROM (
  SELECT a."action_id", a."at", (
    SELECT r."id" FROM "escalation_requests" r
     WHERE r."case_id" = a."case_id" AND r."kind" = a."kind" AND r."status" = 'approved'
       AND r."decided_at" <= a."at"
     ORDER BY r."decided_at", r."id" LIMIT 1) AS "request_id"
  FROM (
    SELECT "id" AS "action_id", "case_id", 'agency_placement'::"escalation_kind" AS "kind", "placed_at" AS "at" FROM "agency_placements"
    UNION ALL
    SELECT "id", "case_id", 'field_visit'::"escalation_kind", "created_at" FROM "field_visits"
    UNION ALL
    SELECT "id", "case_id", 'legal_filing'::"escalation_kind", coalesce("filed_at", "created_at") FROM "legal_actions"
  ) a
) u
WHERE e."id" = u."request_id" AND e."consumed_at" IS NULL;
