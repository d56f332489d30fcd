import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSlashToFocus } from '../../../hooks/use-slash-to-focus.ts';

const MIN_LENGTH = 2;

/**
 * "Find a case" from the workbench (`/` jumps here): searches the case list by debtor name or account
 * reference, the search the Cases page already runs on the server.
 */
export function FindCaseBox() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [tooShort, setTooShort] = useState(false);
  useSlashToFocus(inputRef);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const search = text.trim();
    if (search.length < MIN_LENGTH) {
      setTooShort(true);
      return;
    }
    navigate({ pathname: '/cases', search: new URLSearchParams({ q: search }).toString() });
  }

  return (
    <search className="find-case">
      <form className="field search-field" onSubmit={submit}>
        <label htmlFor={id}>{t('queue.find.label')}</label>
        <span className="inline-field">
          <input
            ref={inputRef}
            id={id}
            type="search"
            value={text}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-keyshortcuts="/"
            aria-invalid={tooShort || undefined}
            aria-describedby={tooShort ? `${id}-hint` : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setTooShort(false);
            }}
          />
          <button type="submit" className="button">
            {t('queue.find.submit')}
          </button>
        </span>
        {tooShort && (
          <p id={`${id}-hint`} className="field-error">
            {t('queue.find.tooShort', { count: MIN_LENGTH })}
          </p>
        )}
      </form>
    </search>
  );
}
