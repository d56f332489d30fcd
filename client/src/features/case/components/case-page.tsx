import { can, navFor } from '@arrears/shared/auth/roles';
import { useEffect, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NextCaseButton } from '../../../components/ui/next-case-button.tsx';
import { useNextCase } from '../../../hooks/use-next-case.ts';
import { readApiError } from '../../../lib/api-error.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSessionUser } from '../../../lib/session.tsx';
import { useCaseQuery } from '../api/use-case-query.ts';
import { useComplianceCheckQuery } from '../api/use-compliance-check-query.ts';
import { ActionCaseProvider } from '../hooks/action-case.tsx';
import type { ActionIntent } from '../hooks/action-intent.ts';
import { focusStep, type NextStep, nextStepAfter } from '../hooks/next-step.ts';
import { pointNamesOf } from '../hooks/point-names.ts';
import { useCaseShortcuts } from '../hooks/use-case-shortcuts.ts';
import { ActionDialog } from './action-dialog.tsx';
import { ActionsPanel } from './actions-panel.tsx';
import { CaseAgencyPanel } from './case-agency-panel.tsx';
import { CaseBalances } from './case-balances.tsx';
import { CaseBanners } from './case-banners.tsx';
import { CaseLetters } from './case-letters.tsx';
import { CaseReplies } from './case-replies.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { ContactPoints } from './contact-points.tsx';
import { DebtorClock } from './debtor-clock.tsx';
import { QueueSummary } from './queue-summary.tsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long "Call logged." and the like stay on screen. */
const SAVED_SHOWN_MS = 8_000;

/** `/cases/:caseId`: a malformed id is "not found" here, as the server would answer it. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  if (!UUID.test(caseId)) return <CaseNotFound message={t('case.notFound')} />;
  // A new key per case: forms, reveals and focus start over when "next case" opens another one.
  return <CaseScreen key={caseId} caseId={caseId} />;
}

function CaseScreen({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const user = useSessionUser();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const detail = useCaseQuery(caseId);
  const check = useComplianceCheckQuery(caseId);
  const nextCase = useNextCase();
  const [intent, setIntent] = useState<ActionIntent | null>(null);
  const [saved, setSaved] = useState('');
  const [pendingStep, setPendingStep] = useState<NextStep | null>(null);
  const canWork = can(user, 'case:work');
  const takesFromQueue = can(user, 'queue:take');
  const active = detail.data?.case.status === 'active';

  useCaseShortcuts({
    check: check.data,
    canWork: canWork && detail.data !== undefined && intent === null,
    active,
    onIntent: setIntent,
    onNextCase: takesFromQueue ? nextCase.takeNext : null,
  });

  // Once the dialog has closed (its effect runs first and hands focus back to the opener), focus moves on to
  // the next sensible step.
  useEffect(() => {
    if (intent !== null || pendingStep === null) return;
    focusStep(pendingStep);
    setPendingStep(null);
  }, [intent, pendingStep]);

  // The confirmation floats over the foot of the page (so the panels do not move): it leaves after a while.
  useEffect(() => {
    if (saved === '') return;
    const timer = setTimeout(() => setSaved(''), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  // Arriving on a case (from the queue or "next case") puts focus on its heading, so it is announced.
  const loaded = detail.data !== undefined;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  if (detail.isPending)
    return (
      <p className="page-status" role="status">
        {t('case.loading')}
      </p>
    );
  if (detail.isError) {
    const error = readApiError(detail.error);
    if (error.code === 'NOT_FOUND') return <CaseNotFound message={t('case.notFound')} />;
    return (
      <div role="alert" className="notice notice-error">
        <p>{t('case.loadFailed', { message: error.message })}</p>
        <button type="button" className="button" onClick={() => void detail.refetch()}>
          {t('case.retry')}
        </button>
      </div>
    );
  }

  const { data } = detail;
  const onSaved = (done: ActionIntent, callOutcome?: string) => {
    setIntent(null);
    setSaved(t(`case.saved.${done.form}`));
    setPendingStep(nextStepAfter(done.form, { callOutcome }));
  };
  const actionCase = {
    caseId,
    caseVersion: data.case.version,
    debtorZone: check.data?.debtorZones[0]?.zone ?? data.debtor.timeZone ?? undefined,
  };

  return (
    <section className="page case-page" aria-labelledby={headingId}>
      <title>{[data.debtor.fullName, data.case.accountRef, t('app.name')].join(punctuation.separator)}</title>
      <header className="case-header">
        <div className="case-title">
          <h1 id={headingId} ref={headingRef} tabIndex={-1}>
            {data.debtor.fullName}
          </h1>
          <p className="case-ref">
            {t('case.accountRef', { accountRef: data.case.accountRef, creditor: data.case.creditorName })}
          </p>
        </div>
        {check.data && (
          <DebtorClock debtorZones={check.data.debtorZones} jurisdiction={check.data.jurisdiction} />
        )}
        {takesFromQueue && <NextCaseButton nextCase={nextCase} />}
      </header>
      <CaseBanners detail={data} />
      <p role="status" className="case-saved" data-empty={saved === '' || undefined}>
        {saved}
      </p>
      {canWork && (
        <p className="shortcut-hint">
          <Trans i18nKey="case.shortcutHint" components={{ kbd: <kbd /> }} />
        </p>
      )}
      <ActionCaseProvider value={actionCase}>
        <div className={`workbench${takesFromQueue ? ' workbench-with-queue' : ''}`}>
          {takesFromQueue && <QueueSummary currentCaseId={caseId} />}
          <div className="workbench-case">
            <ContactPoints
              caseId={caseId}
              points={data.contactPoints}
              canWork={canWork}
              onIntent={setIntent}
            />
            <CaseBalances caseInfo={data.case} />
            <CaseAgencyPanel caseId={caseId} />
            <CaseLetters caseId={caseId} canWork={canWork} />
            <CaseReplies caseId={caseId} canWork={canWork} />
            <CaseTimeline caseId={caseId} debtorZone={check.data?.debtorZones[0]?.zone} />
          </div>
          {/* It scrolls: with nothing inside to focus (a reader's disabled actions), the keyboard must reach it. */}
          <div className="workbench-actions" data-step="actions" tabIndex={canWork ? -1 : 0}>
            <ActionsPanel
              check={check}
              canWork={canWork}
              pointNames={pointNamesOf(data.contactPoints, (kind) => t(`case.pointKind.${kind}`))}
              active={active}
              openDisputeId={data.openDispute?.id ?? null}
              onIntent={setIntent}
            />
          </div>
        </div>
        <ActionDialog
          intent={intent}
          detail={data}
          check={check.data}
          canWork={canWork}
          onClose={() => setIntent(null)}
          onSaved={onSaved}
        />
      </ActionCaseProvider>
    </section>
  );
}

function CaseNotFound({ message }: { message: string }) {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const user = useSessionUser();
  return (
    <section className="page" aria-labelledby="case-not-found">
      <h1 id="case-not-found">{message}</h1>
      <p>
        {navFor(user.role).includes('queue') && (
          <>
            <Link to="/queue">{t('case.backToQueue')}</Link>
            {punctuation.separator}
          </>
        )}
        <Link to="/cases">{t('case.toCases')}</Link>
      </p>
    </section>
  );
}
