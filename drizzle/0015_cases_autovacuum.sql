-- Queue pages count their queue and next case walks its index with an index-only scan where it can; both need the
-- visibility map of `cases` to be current. Every contact bumps its case and the nightly roll rewrites most rows, and
-- with the default scale factor (20 %) a million-case book waits for 200,000 dead rows before a vacuum: until then
-- each counted row is a heap fetch (0.9 ms instead of 0.1 ms for a page's capped count on the seed). Vacuum
-- `cases` at 2 % churn instead (decision record 007).
ALTER TABLE "cases" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
