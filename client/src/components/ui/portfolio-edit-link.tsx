import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { portfolioSearch } from '../../hooks/use-selected-portfolio.ts';

interface PortfolioEditLinkProps {
  /** Its editor gives the focus back to this id when it closes. */
  id: string;
  portfolioId: string;
  label: string;
  /** This portfolio's editor is open. */
  selected: boolean;
  children: ReactNode;
}

/** Opens a portfolio's editor on an admin page: the portfolio goes into the URL, so Back closes it again. */
export function PortfolioEditLink({ id, portfolioId, label, selected, children }: PortfolioEditLinkProps) {
  return (
    <Link
      id={id}
      to={{ search: portfolioSearch(portfolioId) }}
      aria-label={label}
      aria-current={selected ? 'true' : undefined}
    >
      {children}
    </Link>
  );
}
