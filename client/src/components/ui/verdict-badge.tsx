import { useTranslation } from 'react-i18next';
import { StatusIcon } from './status-icon.tsx';

export type VerdictState = 'allowed' | 'warning' | 'blocked';

/** A compliance verdict as icon and words ("Allowed", "Warning", "Blocked"), never as colour alone. */
export function VerdictBadge({ state }: { state: VerdictState }) {
  const { t } = useTranslation();
  return (
    <span className={`verdict verdict-${state}`}>
      <StatusIcon kind={state} />
      {t(`ui.verdict.${state}`)}
    </span>
  );
}
