import type { ContactPointKind } from '@arrears/shared/domain/enums';
import type { ActionPreview } from '@arrears/shared/schemas/compliance';
import { useTranslation } from 'react-i18next';
import { SchemaField, type SchemaFieldForm } from '../../../components/form/schema-field.tsx';
import { VerdictBadge } from '../../../components/ui/verdict-badge.tsx';
import { type PointNames, targetName } from '../hooks/point-names.ts';
import { verdictState } from '../hooks/verdicts.ts';
import { VerdictDetails } from './verdict-details.tsx';

interface ContactPointFieldProps {
  form: SchemaFieldForm<'contactPointId'>;
  /** The chosen point, held by the select too: the options change with the kind, the choice must show. */
  value: string;
  label: string;
  /** The candidate actions of one kind, one per contact point, with their verdicts. */
  actions: readonly ActionPreview[];
  pointNames: PointNames;
  autoFocus: boolean;
  /** False where no verdict applies (an inbound call is not an attempt): each point is named without one. */
  judged?: boolean;
}

/** Where a contact goes: each contact point of the debtor with its verdict in words. */
export function ContactPointField(props: ContactPointFieldProps) {
  const { t } = useTranslation();
  const kindLabel = (kind: ContactPointKind) => t(`case.pointKind.${kind}`);
  return (
    <SchemaField form={props.form} name="contactPointId" label={props.label}>
      {(control) => (
        <select {...control} value={props.value} data-autofocus={props.autoFocus || undefined}>
          {props.actions.length === 0 && <option value="">{t('actions.noContactPoints')}</option>}
          {props.actions.map((action) => (
            <option key={action.contactPointId} value={action.contactPointId ?? ''}>
              {props.judged === false
                ? targetName(action, props.pointNames, kindLabel)
                : t('actions.pointOption', {
                    point: targetName(action, props.pointNames, kindLabel),
                    verdict: t(`ui.verdict.${verdictState(action.verdict)}`),
                  })}
            </option>
          ))}
        </select>
      )}
    </SchemaField>
  );
}

/** Why the chosen contact is blocked or warned, and when it opens, shown before the agent submits. */
export function ContactPointVerdict({
  action,
  debtorZone,
}: {
  action: ActionPreview | undefined;
  debtorZone: string | undefined;
}) {
  if (!action) return null;
  const state = verdictState(action.verdict);
  if (state === 'allowed') return null;
  return (
    <div className="form-verdict">
      <VerdictBadge state={state} />
      <VerdictDetails
        violations={action.verdict.violations}
        warnings={action.verdict.warnings}
        opensAt={action.opensAt}
        overrideReason={action.verdict.override?.reason ?? null}
        debtorZone={debtorZone}
      />
    </div>
  );
}
