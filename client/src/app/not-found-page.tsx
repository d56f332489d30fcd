import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { homePathFor } from '../lib/navigation.ts';
import { usePunctuation } from '../lib/punctuation.ts';
import { useSessionUser } from '../lib/session.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  const punctuation = usePunctuation();
  const user = useSessionUser();
  return (
    <section aria-labelledby="page-heading" className="page">
      <title>{[t('app.notFoundTitle'), t('app.name')].join(punctuation.separator)}</title>
      <h1 id="page-heading">{t('app.notFoundTitle')}</h1>
      <p>{t('app.notFoundBody')}</p>
      <p>
        <Link to={homePathFor(user.role)}>{t('app.goHome')}</Link>
      </p>
    </section>
  );
}
