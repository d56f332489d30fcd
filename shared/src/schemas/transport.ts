/**
 * Limits of the HTTP API that the dashboard's client must keep too (decision 018): the server refuses a batched
 * request with more calls, and the client's batch link splits its batches at this size.
 */
export const MAX_BATCH_CALLS = 10;
