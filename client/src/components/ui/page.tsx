import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePunctuation } from '../../lib/punctuation.ts';

interface PageProps {
  /** The browser tab's title, before the app's name; the heading too unless told. */
  title: string;
  heading?: string;
  /** The page's own class, after `page`. */
  className?: string;
  /** What stands beside the heading in the page header: an intro, a picker, a button. */
  header?: ReactNode;
  children: ReactNode;
}

/** A page of the app: a region named by its heading, the tab titled after it, then the page's content. */
export function Page({ title, heading = title, className, header, children }: PageProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const punctuation = usePunctuation();
  return (
    <section aria-labelledby={headingId} className={className ? `page ${className}` : 'page'}>
      <title>{[title, t('app.name')].join(punctuation.separator)}</title>
      <div className="page-header">
        <h1 id={headingId}>{heading}</h1>
        {header}
      </div>
      {children}
    </section>
  );
}
