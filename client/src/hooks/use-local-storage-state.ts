import { useCallback, useState } from 'react';

/**
 * State remembered in this browser under `key`. A stored value that no longer parses (an older shape, a
 * hand edit) is dropped for the fallback rather than breaking the page; storage that refuses writes (private
 * mode, quota) only loses the memory, never the state.
 */
export function useLocalStorageState<T>(
  key: string,
  fallback: T,
  parse: (stored: unknown) => T | null,
): [T, (next: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, parse) ?? fallback);
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Remembering is a convenience; the choice still applies to this page.
      }
    },
    [key],
  );
  return [value, update];
}

function read<T>(key: string, parse: (stored: unknown) => T | null): T | null {
  try {
    const text = localStorage.getItem(key);
    return text === null ? null : parse(JSON.parse(text));
  } catch {
    return null;
  }
}
