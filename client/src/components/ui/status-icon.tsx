export type StatusIconKind = 'allowed' | 'warning' | 'blocked' | 'info';

/**
 * The shape beside a status word: a tick, a triangle, a barred circle, an "i". Decorative (the word next to it
 * is what is read), so hidden from assistive technology; shapes differ so that colour is never the only cue.
 */
export function StatusIcon({ kind }: { kind: StatusIconKind }) {
  return (
    <svg
      className={`status-icon status-icon-${kind}`}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {kind === 'allowed' && (
        <>
          <circle cx="8" cy="8" r="7" />
          <path d="M4.5 8.2 7 10.7l4.6-5" fill="none" strokeWidth="1.8" />
        </>
      )}
      {kind === 'warning' && (
        <>
          <path d="M8 1.2 15.2 14.4H0.8Z" />
          <path d="M8 5.6v4.2M8 11.6v1.2" fill="none" strokeWidth="1.8" />
        </>
      )}
      {kind === 'blocked' && (
        <>
          <circle cx="8" cy="8" r="7" />
          <path d="M3.3 3.3l9.4 9.4" fill="none" strokeWidth="2" />
        </>
      )}
      {kind === 'info' && (
        <>
          <circle cx="8" cy="8" r="7" />
          <path d="M8 7v5M8 4.2v1.2" fill="none" strokeWidth="1.8" />
        </>
      )}
    </svg>
  );
}
