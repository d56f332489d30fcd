export interface HeadColumn {
  label: string;
  /** Figures: the heading aligns right, with its column. */
  numeric?: boolean;
  /** A column of buttons or links: its heading is read out, not shown. */
  hidden?: boolean;
}

/** A plain table's head: one row of column headings, a string being a plain one. */
export function TableHead({ columns }: { columns: readonly (string | HeadColumn)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, numeric, hidden } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={numeric ? 'numeric' : undefined}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
