import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIdempotencyKey } from '../../../hooks/use-idempotency-key.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { type RevealTarget, useRevealContact } from '../api/use-reveal-contact.ts';

interface RevealValueProps {
  caseId: string;
  target: RevealTarget;
  masked: string;
  /** What is revealed, for the button's accessible name: "Mobile •••4821". */
  name: string;
}

/**
 * A masked value with a Reveal button. Each reveal asks the server, which records an audit event; the value
 * stays in this component only (never in the shared cache) and goes when the agent hides it or leaves.
 */
export function RevealValue({ caseId, target, masked, name }: RevealValueProps) {
  const idempotency = useIdempotencyKey();
  const { t } = useTranslation();
  const reveal = useRevealContact();
  const [value, setValue] = useState<string | null>(null);

  if (value !== null) {
    return (
      <span className="reveal">
        <span className="revealed-value">{value}</span>
        <button type="button" className="button button-small button-quiet" onClick={() => setValue(null)}>
          {t('case.reveal.hide')}
        </button>
      </span>
    );
  }
  return (
    <span className="reveal">
      <span className="masked-value">{masked}</span>
      <button
        type="button"
        className="button button-small"
        aria-label={t('case.reveal.label', { name })}
        disabled={reveal.isPending}
        onClick={() =>
          reveal.mutate(
            { idempotencyKey: idempotency.key, caseId, ...target },
            {
              onSuccess: (answer) => {
                idempotency.renew();
                setValue(answer.value ?? t('case.reveal.empty'));
              },
            },
          )
        }
      >
        {t('case.reveal.button')}
      </button>
      {reveal.isError && (
        <span role="alert" className="field-error">
          {t('case.reveal.failed', { message: readApiError(reveal.error).message })}
        </span>
      )}
    </span>
  );
}
