import { useTranslation } from 'react-i18next';
import { OPTIONAL_QUEUE_COLUMNS, type OptionalQueueColumn } from '../hooks/queue-columns-choice.ts';

interface ColumnChooserProps {
  hidden: readonly OptionalQueueColumn[];
  onChange: (hidden: OptionalQueueColumn[]) => void;
}

/** Show or hide the optional columns; the choice is remembered in this browser. */
export function ColumnChooser({ hidden, onChange }: ColumnChooserProps) {
  const { t } = useTranslation();
  return (
    <details className="column-chooser">
      <summary className="column-chooser-toggle">{t('queue.columns.button')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('queue.columns.legend')}</legend>
        {OPTIONAL_QUEUE_COLUMNS.map((name) => (
          <label key={name}>
            <input
              type="checkbox"
              checked={!hidden.includes(name)}
              onChange={(event) =>
                onChange(event.target.checked ? hidden.filter((other) => other !== name) : [...hidden, name])
              }
            />
            {t(`queue.columns.name.${name}`)}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
