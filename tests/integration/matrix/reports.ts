import { REPORT_NAMES } from '@arrears/shared/schemas/reports';
import { type MatrixRow, only } from './types.ts';

/** Recovery reports: managers and admins only; agents and supervisors are refused by the server. */
const filters = { from: '2026-01-01', to: '2026-11-29', portfolioIds: [] };

export const reportsMatrix: Record<string, MatrixRow> = {
  'reports.portfolios': { access: only('manager', 'admin'), call: (c) => c.reports.portfolios() },
  'reports.csv': {
    access: only('manager', 'admin'),
    call: (c) => c.reports.csv({ report: 'vintage', filters, grain: 'month' }),
  },
  ...Object.fromEntries(
    REPORT_NAMES.map((name) => [
      `reports.${name}`,
      {
        access: only('manager', 'admin'),
        call: (c) =>
          name === 'collected'
            ? c.reports.collected({ filters, grain: 'week' })
            : c.reports[name]({ filters }),
      } satisfies MatrixRow,
    ]),
  ),
};
