import { Link } from 'react-router';

/** A table's case: its account reference, opening the case screen, and the debtor's name below. */
export function CaseCell({
  caseId,
  accountRef,
  debtorName,
}: {
  caseId: string;
  accountRef: string;
  debtorName: string;
}) {
  return (
    <>
      <Link to={`/cases/${caseId}`}>{accountRef}</Link>
      <br />
      <span>{debtorName}</span>
    </>
  );
}
