-- Approvals queue: the requests of a status with their case (and kind), read index-only for the count in scope.
CREATE INDEX "escalation_requests_status_case_idx" ON "escalation_requests" USING btree ("status","case_id") INCLUDE ("kind");
