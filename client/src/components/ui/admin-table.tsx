import { type ReactNode, useId } from 'react';
import { type HeadColumn, TableHead } from './table-head.tsx';

interface AdminSectionProps {
  heading: string;
  /** The section's own class, after `admin-section`. */
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A section of an admin page: a region named by its heading. */
export function AdminSection({ heading, className, testId, children }: AdminSectionProps) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className={className ? `admin-section ${className}` : 'admin-section'}
      data-testid={testId}
    >
      <h2 id={headingId}>{heading}</h2>
      {children}
    </section>
  );
}

interface AdminTableProps {
  /** The table's name, read out to screen readers and not shown. */
  caption: string;
  columns: readonly (string | HeadColumn)[];
  testId?: string;
  /** The body's rows. */
  children: ReactNode;
}

/** A plain table of an admin page, scrolling sideways on its own when the page is narrow. */
export function AdminTable({ caption, columns, testId, children }: AdminTableProps) {
  return (
    <div className="admin-table-scroll">
      <table className="admin-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
