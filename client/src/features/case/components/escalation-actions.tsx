import type { ComplianceCheckOutput, RuleHitView } from '@arrears/shared/schemas/compliance';
import { cloneElement, type ReactElement, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/ui/dialog.tsx';
import { VerdictBadge } from '../../../components/ui/verdict-badge.tsx';
import { useSessionUser } from '../../../lib/session.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';
import {
  ESCALATION_ACTION_KINDS,
  type EscalationActionKind,
  earliestOpening,
  escalationBlockers,
} from '../hooks/verdicts.ts';
import { formatInZone } from '../hooks/zone-time.ts';
import { AgencyPlacementForm } from './agency-placement-form.tsx';
import { FieldVisitForm } from './field-visit-form.tsx';
import { VerdictDetails } from './verdict-details.tsx';

interface EscalationActionsProps {
  check: ComplianceCheckOutput;
  canWork: boolean;
  onIntent: (intent: ActionIntent) => void;
}

/**
 * The rungs above agent contact. The agent asks; a supervisor approves (POL-APPROVAL). A request is refused
 * here only when something other than the approval blocks the escalation, since approving could not help.
 */
export function EscalationActions({ check, canWork, onIntent }: EscalationActionsProps) {
  const { t } = useTranslation();
  const kinds = ESCALATION_ACTION_KINDS.filter((kind) => check.actions.some((a) => a.kind === kind));
  return (
    <div className="action-group">
      <h3>{t('actions.escalateHeading')}</h3>
      <ul className="action-list">
        {kinds.map((kind) => (
          <EscalationRow
            key={kind}
            kind={kind}
            check={check}
            canWork={canWork}
            onUse={() => onIntent({ form: 'escalation', kind })}
          />
        ))}
      </ul>
    </div>
  );
}

/**
 * A field visit a supervisor approved (POL-APPROVAL no longer among its violations) is booked from here, and an
 * approved agency placement is carried out from here; a legal filing still only asks.
 */
function approvedVisit(check: ComplianceCheckOutput, kind: EscalationActionKind) {
  if (kind !== 'field_visit') return null;
  const addresses = check.actions.filter((a) => a.kind === 'field_visit' && a.contactPointId !== null);
  const approved =
    addresses.length > 0 &&
    addresses.every((a) => !a.verdict.violations.some((hit) => hit.ruleId === 'POL-APPROVAL'));
  return approved ? addresses : null;
}

/**
 * An agency placement a supervisor approved, still unused and not lapsed (decision record 026): POL-APPROVAL is no longer
 * among its violations. Null when it still needs a request.
 */
function approvedPlacement(check: ComplianceCheckOutput, kind: EscalationActionKind) {
  if (kind !== 'agency_placement') return null;
  const placement = check.actions.find((a) => a.kind === 'agency_placement');
  if (placement === undefined) return null;
  return placement.verdict.violations.some((hit) => hit.ruleId === 'POL-APPROVAL') ? null : placement;
}

/** The approved placement's row: Place, disabled with the rule's reason while anything else blocks it. */
function PlacementRow(props: {
  check: ComplianceCheckOutput;
  canWork: boolean;
  onPlaced: (agency: string) => void;
}) {
  const { t } = useTranslation();
  const [placing, setPlacing] = useState(false);
  const blockers = escalationBlockers(props.check, 'agency_placement');
  const debtorZone = props.check.debtorZones[0]?.zone;
  return (
    <ApprovedActionRow
      title={t('actions.escalationTitle.agency_placement')}
      blockers={blockers}
      opensAt={earliestOpening(props.check, 'agency_placement')}
      debtorZone={debtorZone}
      canWork={props.canWork}
      button={t('approvals.place.button')}
      buttonLabel={t('approvals.place.buttonLabel')}
      approved={<p className="verdict-details muted">{t('approvals.place.approved')}</p>}
      dialogTitle={t('approvals.place.title')}
      open={placing}
      onOpen={() => setPlacing(true)}
      onClose={() => setPlacing(false)}
    >
      <AgencyPlacementForm
        onDone={(agency) => {
          setPlacing(false);
          props.onPlaced(agency);
        }}
      />
    </ApprovedActionRow>
  );
}

/**
 * The row of an approved escalation: its one action (Place, Schedule), disabled with the rule's reason while
 * anything else blocks it, else the approval's note; the action's form opens in a dialog.
 */
function ApprovedActionRow(props: {
  title: string;
  blockers: readonly RuleHitView[];
  opensAt: string | null;
  debtorZone: string | undefined;
  canWork: boolean;
  button: string;
  buttonLabel: string;
  /** Shown when nothing blocks the action; described-by of the button. */
  approved: ReactElement<{ id?: string }>;
  dialogTitle: string;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const detailsId = useId();
  const blocked = props.blockers.length > 0;
  return (
    <li className={`action-row action-row-${blocked ? 'blocked' : 'allowed'}`}>
      <div className="action-row-main">
        <span className="action-target">{props.title}</span>
        <VerdictBadge state={blocked ? 'blocked' : 'allowed'} />
        {props.canWork && (
          <button
            type="button"
            className="button action-button"
            disabled={blocked}
            aria-label={props.buttonLabel}
            aria-describedby={detailsId}
            onClick={props.onOpen}
          >
            {props.button}
          </button>
        )}
      </div>
      {blocked ? (
        <VerdictDetails
          id={detailsId}
          violations={props.blockers}
          warnings={[]}
          opensAt={props.opensAt}
          debtorZone={props.debtorZone}
        />
      ) : (
        cloneElement(props.approved, { id: detailsId })
      )}
      <Dialog open={props.open} onClose={props.onClose} title={props.dialogTitle}>
        {props.children}
      </Dialog>
    </li>
  );
}

function EscalationRow(props: {
  kind: EscalationActionKind;
  check: ComplianceCheckOutput;
  canWork: boolean;
  onUse: () => void;
}) {
  const { t } = useTranslation();
  const { locale, timeZone } = useSessionUser();
  const detailsId = useId();
  const [booking, setBooking] = useState(false);
  const [scheduled, setScheduled] = useState<Date | null>(null);
  const [placedWith, setPlacedWith] = useState<string | null>(null);
  const blockers = escalationBlockers(props.check, props.kind);
  const blocked = blockers.length > 0;
  const visitAddresses = approvedVisit(props.check, props.kind);
  const debtorZone = props.check.debtorZones[0]?.zone ?? timeZone;
  const done = placedWith
    ? t('approvals.place.placed', { agency: placedWith })
    : scheduled
      ? t('approvals.schedule.scheduledUsed', { time: formatInZone(scheduled, debtorZone, locale) })
      : null;
  if (approvedPlacement(props.check, props.kind) !== null) {
    return <PlacementRow check={props.check} canWork={props.canWork} onPlaced={setPlacedWith} />;
  }
  if (visitAddresses !== null) {
    // The visit is judged at its slot: the hour or a cap now does not stop booking one for later.
    const lasting = visitAddresses.map((a) =>
      a.verdict.override !== null || a.opensAt !== null ? [] : a.verdict.violations,
    );
    const visitBlockers = lasting.some((hits) => hits.length === 0) ? [] : (lasting[0] ?? []);
    return (
      <ApprovedActionRow
        title={t(`actions.escalationTitle.${props.kind}`)}
        blockers={visitBlockers}
        opensAt={null}
        debtorZone={debtorZone}
        canWork={props.canWork}
        button={t('approvals.schedule.button')}
        buttonLabel={t('approvals.schedule.buttonLabel')}
        approved={
          <p className="verdict-details muted" role="status">
            {scheduled
              ? t('approvals.schedule.scheduled', { time: formatInZone(scheduled, debtorZone, locale) })
              : t('approvals.schedule.approved')}
          </p>
        }
        dialogTitle={t('approvals.schedule.title')}
        open={booking}
        onOpen={() => setBooking(true)}
        onClose={() => setBooking(false)}
      >
        <FieldVisitForm
          addresses={visitAddresses}
          debtorZone={debtorZone}
          onDone={(at) => {
            setScheduled(at);
            setBooking(false);
          }}
        />
      </ApprovedActionRow>
    );
  }
  return (
    <li className={`action-row action-row-${blocked ? 'blocked' : 'allowed'}`}>
      <div className="action-row-main">
        <span className="action-target">{t(`actions.escalationTitle.${props.kind}`)}</span>
        <VerdictBadge state={blocked ? 'blocked' : 'allowed'} />
        {props.canWork && (
          <button
            type="button"
            className="button action-button"
            disabled={blocked}
            aria-label={t('actions.requestLabel', { escalation: t(`actions.escalation.${props.kind}`) })}
            aria-describedby={detailsId}
            onClick={props.onUse}
          >
            {t('actions.request')}
          </button>
        )}
      </div>
      {/* Once placed or booked, the approval is used up (decision record 026): the row asks again, and says what happened. */}
      <p className="verdict-details muted" role="status" hidden={done === null}>
        {done}
      </p>
      {blocked ? (
        <VerdictDetails
          id={detailsId}
          violations={blockers}
          warnings={[]}
          opensAt={earliestOpening(props.check, props.kind)}
          debtorZone={props.check.debtorZones[0]?.zone}
        />
      ) : (
        <p id={detailsId} className="verdict-details muted" hidden={done !== null}>
          {t('actions.needsApproval')}
        </p>
      )}
    </li>
  );
}
