import { z } from 'zod';

/**
 * The key a client sends with every create request (decision 022): generated once per intent (a dialog, a
 * button press), sent again unchanged when the same submission is retried, renewed after a success. The server
 * answers a repeat with the first response instead of writing twice.
 */
export const idempotencyKey = z.string().uuid('idempotencyKey must be a uuid generated once per request');
