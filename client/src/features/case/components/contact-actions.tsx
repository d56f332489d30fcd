import type { ComplianceCheckOutput } from '@arrears/shared/schemas/compliance';
import { useTranslation } from 'react-i18next';
import type { ActionIntent } from '../hooks/action-intent.ts';
import { type PointNames, targetName } from '../hooks/point-names.ts';
import { contactActionGroups, type PanelContactKind } from '../hooks/verdicts.ts';
import { ActionRow } from './action-row.tsx';

interface ContactActionsProps {
  check: ComplianceCheckOutput;
  canWork: boolean;
  pointNames: PointNames;
  onIntent: (intent: ActionIntent) => void;
}

/** Every way to reach the debtor, per contact point, each with its verdict now. */
export function ContactActions({ check, canWork, pointNames, onIntent }: ContactActionsProps) {
  const { t } = useTranslation();
  const groups = contactActionGroups(check);
  const debtorZone = check.debtorZones[0]?.zone;

  const intentFor = (kind: PanelContactKind, contactPointId: string | null): ActionIntent =>
    kind === 'call' || kind === 'voicemail'
      ? { form: 'logCall', contactPointId, kind }
      : { form: 'sendMessage', contactPointId, channel: kind };

  if (groups.length === 0) return <p className="muted">{t('actions.noContactPoints')}</p>;
  return (
    <>
      {groups.map((group) => (
        <div key={group.kind} className="action-group">
          <h4>{t(`actions.kind.${group.kind}`)}</h4>
          <ul className="action-list">
            {group.actions.map((action) => {
              const target = targetName(action, pointNames, (kind) => t(`case.pointKind.${kind}`));
              return (
                <ActionRow
                  key={`${action.kind}:${action.contactPointId}`}
                  action={action}
                  buttonLabel={t(`actions.use.${group.kind}`)}
                  target={target}
                  debtorZone={debtorZone}
                  canWork={canWork}
                  onUse={() => onIntent(intentFor(group.kind, action.contactPointId))}
                />
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
