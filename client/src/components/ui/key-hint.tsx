/**
 * The key that does what a button does, shown on the button. Hidden from assistive technology: the button
 * says it with `aria-keyshortcuts`, and "Next case n" would be a worse name than "Next case".
 */
export function KeyHint({ keyName }: { keyName: string }) {
  return (
    <span className="key-hint" aria-hidden="true">
      <kbd>{keyName}</kbd>
    </span>
  );
}
