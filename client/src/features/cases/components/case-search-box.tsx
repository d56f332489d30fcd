import { type FormEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { useSlashToFocus } from '../../../hooks/use-slash-to-focus.ts';
import { normalizeSearch } from '../hooks/case-list-params.ts';

const DEBOUNCE_MS = 300;

interface CaseSearchBoxProps {
  /** The search in the URL. */
  value: string;
  /** Called with a searchable text, or '' to search nothing. */
  onSearch: (search: string) => void;
}

/** Searches as the person types, once they pause; Enter searches at once; `/` jumps here. */
export function CaseSearchBox({ value, onSearch }: CaseSearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const debouncedDraft = useDebouncedValue(draft, DEBOUNCE_MS);
  // What this box last put in the URL, to tell its own changes from back/forward and "clear filters".
  const lastSearch = useRef(value);
  useSlashToFocus(inputRef);

  const search = useEffectEvent((text: string) => {
    const next = normalizeSearch(text);
    if (next === lastSearch.current) return;
    lastSearch.current = next;
    onSearch(next);
  });

  useEffect(() => search(debouncedDraft), [debouncedDraft]);

  useEffect(() => {
    if (value === lastSearch.current) return;
    lastSearch.current = value;
    setDraft(value);
  }, [value]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    search(draft);
  }

  const tooShort = draft.trim().length > 0 && normalizeSearch(draft) === '';
  return (
    <form className="field search-field" onSubmit={submit}>
      <label htmlFor={id}>{t('cases.search')}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={tooShort ? `${id}-hint` : undefined}
      />
      {tooShort && (
        <p id={`${id}-hint`} className="field-hint">
          {t('cases.searchTooShort')}
        </p>
      )}
    </form>
  );
}
