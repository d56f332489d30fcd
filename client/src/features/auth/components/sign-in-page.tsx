import { signInInput } from '@arrears/shared/schemas/auth';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { SchemaField } from '../../../components/form/schema-field.tsx';
import { LanguagePicker } from '../../../components/ui/language-picker.tsx';
import { readApiError } from '../../../lib/api-error.ts';
import { homePathFor } from '../../../lib/navigation.ts';
import { usePunctuation } from '../../../lib/punctuation.ts';
import { useSchemaForm } from '../../../lib/schema-form.ts';
import { useSessionUserQuery } from '../api/use-session-user-query.ts';
import { useSignIn } from '../api/use-sign-in.ts';

/** Error codes whose server message is written for the person signing in (wrong password, throttled). */
const MESSAGES_FOR_PEOPLE = new Set(['UNAUTHORIZED', 'TOO_MANY_REQUESTS']);

export function SignInPage() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const navigate = useNavigate();
  const session = useSessionUserQuery();
  const signIn = useSignIn();
  const error = signIn.error ? readApiError(signIn.error) : null;
  const form = useSchemaForm(signInInput, {
    defaultValues: { email: '', password: '' },
    serverErrors: error?.fieldErrors,
  });
  const id = useId();

  if (session.data) return <Navigate to={homePathFor(session.data.role)} replace />;
  if (session.isPending) {
    return (
      <p role="status" className="page-status">
        {t('app.loadingSession')}
      </p>
    );
  }

  let alertText = '';
  if (form.hasProblems || (error && (error.fieldErrors.email || error.fieldErrors.password)))
    alertText = t('signIn.fixFields');
  else if (error?.code && MESSAGES_FOR_PEOPLE.has(error.code)) alertText = error.message;
  else if (error) alertText = t('signIn.failed', { message: error.message });

  const submit = form.handleSubmit((credentials) =>
    signIn.mutate(credentials, {
      onSuccess: (user) => navigate(homePathFor(user.role), { replace: true }),
      onError: (failure) => {
        const { fieldErrors } = readApiError(failure);
        // The submit button was disabled while pending, so focus has to be put back somewhere useful.
        if (fieldErrors.email) form.setFocus('email');
        else form.setFocus('password', { shouldSelect: !fieldErrors.password });
      },
    }),
  );

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <title>{[t('signIn.pageTitle'), t('app.name')].join(punctuation.separator)}</title>
      <LanguagePicker />
      <form className="sign-in-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`}>{t('signIn.heading')}</h1>
        <div role="alert" className="form-alert" data-empty={alertText === '' || undefined}>
          {alertText}
        </div>
        <SchemaField form={form} name="email" label={t('signIn.email')}>
          {(control) => <input {...control} type="email" autoComplete="username" required />}
        </SchemaField>
        <SchemaField form={form} name="password" label={t('signIn.password')}>
          {(control) => <input {...control} type="password" autoComplete="current-password" required />}
        </SchemaField>
        <button type="submit" className="button button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
