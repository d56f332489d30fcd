import { useCallback, useState } from 'react';

/**
 * The idempotency key of one user intent (decision 022): made when the form or button mounts, sent with every
 * submission of it, so a double click or a retry after a lost answer names the same request and the server writes
 * it once. `renew` after a success: the next submission is a new request.
 */
export function useIdempotencyKey(): { key: string; renew: () => void } {
  const [key, setKey] = useState(() => crypto.randomUUID());
  const renew = useCallback(() => setKey(crypto.randomUUID()), []);
  return { key, renew };
}
