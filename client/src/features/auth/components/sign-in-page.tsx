import { type FormEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { readApiError } from '../../../lib/api-error.ts';
import { homePathFor } from '../../../lib/navigation.ts';
import { useSessionUserQuery } from '../api/use-session-user-query.ts';
import { useSignIn } from '../api/use-sign-in.ts';

/** Error codes whose server message is written for the person signing in (wrong password, throttled). */
const MESSAGES_FOR_PEOPLE = new Set(['UNAUTHORIZED', 'TOO_MANY_REQUESTS']);

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSessionUserQuery();
  const signIn = useSignIn();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();

  if (session.data) return <Navigate to={homePathFor(session.data.role)} replace />;
  if (session.isPending) {
    return (
      <p role="status" className="page-status">
        {t('app.loadingSession')}
      </p>
    );
  }

  const error = signIn.error ? readApiError(signIn.error) : null;
  const emailError = error?.fieldErrors.email?.[0];
  const passwordError = error?.fieldErrors.password?.[0];
  let alertText = '';
  if (error && (emailError || passwordError)) alertText = t('signIn.fixFields');
  else if (error?.code && MESSAGES_FOR_PEOPLE.has(error.code)) alertText = error.message;
  else if (error) alertText = t('signIn.failed', { message: error.message });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    signIn.mutate(
      { email: String(form.get('email') ?? ''), password: String(form.get('password') ?? '') },
      {
        onSuccess: (user) => navigate(homePathFor(user.role), { replace: true }),
        onError: (failure) => {
          const { fieldErrors } = readApiError(failure);
          // The submit button was disabled while pending, so focus has to be put back somewhere useful.
          const target = fieldErrors.email ? emailRef.current : passwordRef.current;
          target?.focus();
          if (!fieldErrors.email && !fieldErrors.password) passwordRef.current?.select();
        },
      },
    );
  }

  return (
    <main id="main" className="sign-in" tabIndex={-1}>
      <title>{`${t('signIn.pageTitle')} · ${t('app.name')}`}</title>
      <form className="sign-in-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`}>{t('signIn.heading')}</h1>
        <div role="alert" className="form-alert" data-empty={alertText === '' || undefined}>
          {alertText}
        </div>
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? `${id}-email-error` : undefined}
          />
          {emailError && (
            <p id={`${id}-email-error`} className="field-error">
              {emailError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            ref={passwordRef}
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${id}-password-error` : undefined}
          />
          {passwordError && (
            <p id={`${id}-password-error`} className="field-error">
              {passwordError}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
