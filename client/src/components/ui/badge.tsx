import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'good' | 'warning' | 'danger' | 'info';

/** A short label on a thing (a contact point, a row). The words carry the meaning; the tone only repeats it. */
export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-tone-${tone}`}>{children}</span>;
}
