import { formatMoneyInText } from '@arrears/shared/domain/money';
import { MAX_DAYS_AHEAD } from '@arrears/shared/schemas/payments';
import type { FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useSessionUser } from '../../../lib/session.tsx';
import { useActionCase } from './action-case.tsx';
import type { AmountProblem } from './amount.ts';
import type { CaseFormProps } from './use-case-action.ts';
import { addDays, dayInZone } from './zoned-input.ts';

export interface MoneyFormProps extends CaseFormProps {
  currency: string;
  balanceMinor: number;
}

/**
 * What every money form shows and checks: the owed balance, and the days a promise may fall on (days of the
 * debtor's calendar).
 */
export function useMoneyForm(props: { currency: string; balanceMinor: number }) {
  const { t } = useTranslation();
  const { locale } = useSessionUser();
  const { calendarZone } = useActionCase();
  const owed = formatMoneyInText(props.balanceMinor, props.currency, locale);
  const today = dayInZone(new Date(), calendarZone);
  const latest = addDays(today, MAX_DAYS_AHEAD);
  return {
    currency: props.currency,
    owed,
    today,
    latest,
    /** A promise's day: a real date on the debtor's calendar, from their today to MAX_DAYS_AHEAD out. */
    promiseDay: (field: z.ZodString) => field.refine((day) => day >= today && day <= latest),
    amountMessage: (error: FieldError) => t(`actions.amount.${error.message as AmountProblem}`, { owed }),
    dayMessage: t('actions.promise.dateRange', { count: MAX_DAYS_AHEAD }),
  };
}

export type MoneyForm = ReturnType<typeof useMoneyForm>;
