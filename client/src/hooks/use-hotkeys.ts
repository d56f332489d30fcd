import { useEffect, useEffectEvent } from 'react';

/** A single key (`n`, `$`, `?`) and what it does. */
export type HotkeyMap = Partial<Record<string, () => void>>;

/**
 * Single-key shortcuts for the whole page. They stay quiet while the person types (inputs, selects, text
 * areas), while a dialog is open (its own keys win) and with Ctrl/Alt/Meta held, so browser and screen-reader
 * shortcuts keep working. Shift is allowed: `$` and `?` need it on most layouts.
 */
export function useHotkeys(keys: HotkeyMap, enabled = true): void {
  const run = useEffectEvent((event: KeyboardEvent) => {
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return;
      run(event);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** True where a key press is text: form fields and editable regions. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
