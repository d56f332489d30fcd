import { z } from 'zod';
import { pageInputOf, pageNumbers, rowLimit } from './pagination.ts';
import { id, shortText, text } from './primitives.ts';

/**
 * Placement files (decision record 012): a creditor places accounts with a CSV file, one account per row. The
 * columns below are the whole format; the template the dashboard offers is built from them, and the server
 * validates every row against them before anything is written.
 */
export interface PlacementColumn {
  name: string;
  required: boolean;
  example: string;
  /** One line for the docs and the template's help. */
  description: string;
}

export const PLACEMENT_COLUMNS: readonly PlacementColumn[] = [
  {
    name: 'account_ref',
    required: true,
    example: 'ACME-000123',
    description: "The creditor's account reference; unique within the portfolio (letters, digits, . _ - /)",
  },
  { name: 'full_name', required: true, example: 'Jordan Smith', description: "The debtor's full name" },
  {
    name: 'principal_minor',
    required: true,
    example: '125000',
    description: 'Principal owed, in minor units of the portfolio currency (125000 = 1,250.00)',
  },
  {
    name: 'interest_minor',
    required: false,
    example: '3500',
    description: 'Interest owed, minor units; 0 when empty',
  },
  { name: 'fees_minor', required: false, example: '0', description: 'Fees owed, minor units; 0 when empty' },
  {
    name: 'currency',
    required: false,
    example: 'USD',
    description: "ISO 4217; when given it must be the portfolio's currency",
  },
  {
    name: 'due_date',
    required: true,
    example: '2026-08-15',
    description: 'The date the debt fell due, YYYY-MM-DD',
  },
  {
    name: 'region',
    required: false,
    example: 'TX',
    description:
      'US state (two letters; required for US portfolios without a region of their own) or Chinese province code',
  },
  {
    name: 'address_line',
    required: false,
    example: '12 Elm Street',
    description: 'Street address of the home',
  },
  { name: 'city', required: false, example: 'Houston', description: 'City of the home address' },
  {
    name: 'postal_code',
    required: false,
    example: '77002',
    description:
      'ZIP code (US, 5 digits or ZIP+4) or 6-digit postcode (CN); pins the zone in multi-zone states',
  },
  {
    name: 'mobile',
    required: false,
    example: '+1 713 555 0142',
    description: 'Mobile number, any common notation; national numbers are read in the portfolio country',
  },
  { name: 'landline', required: false, example: '(713) 555-0199', description: 'Home landline number' },
  { name: 'work_phone', required: false, example: '', description: 'Work number' },
  { name: 'email', required: false, example: 'jordan.smith@example.com', description: 'E-mail address' },
  {
    name: 'consent_sms',
    required: false,
    example: 'yes',
    description: 'The debtor consented to texts on the mobile number (yes/no); needs a mobile',
  },
  {
    name: 'consent_autodial',
    required: false,
    example: 'no',
    description: 'The debtor consented to autodialled calls on the mobile number (yes/no); needs a mobile',
  },
  {
    name: 'time_zone',
    required: false,
    example: '',
    description: 'An IANA zone the debtor named (America/Chicago); joins the candidate zones',
  },
  {
    name: 'language',
    required: false,
    example: 'en',
    description: 'en or zh; the portfolio country decides when empty',
  },
  { name: 'date_of_birth', required: false, example: '1984-03-02', description: 'YYYY-MM-DD' },
  {
    name: 'national_id_last4',
    required: false,
    example: '6789',
    description: 'Last four characters of the national id; never the whole id',
  },
];

export const PLACEMENT_COLUMN_NAMES = PLACEMENT_COLUMNS.map((c) => c.name);

/** The header and one example row, as the downloadable template. */
export function placementTemplateCsv(): string {
  const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${PLACEMENT_COLUMN_NAMES.join(',')}\n${PLACEMENT_COLUMNS.map((c) => quote(c.example)).join(',')}\n`;
}

/** The dashboard sends the file as text through tRPC; bigger files go through the command line. */
export const PLACEMENT_FILE_MAX_CHARS = 40_000_000;
export const PLACEMENT_ERRORS_PAGE_SIZE_MAX = 200;

/** A problem with one cell (row ≥ 2, the header is row 1) or with the file (row 1 for the header, 0 for the whole file). */
export const placementRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
});
export type PlacementRowError = z.infer<typeof placementRowError>;

export const placementSummary = z.object({
  id: z.string(),
  portfolioId: z.string(),
  portfolioName: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  rowCount: z.number().int(),
  placedAt: z.string(),
  importedBy: z.string().nullable(),
});
export type PlacementSummary = z.infer<typeof placementSummary>;

export const placementCounts = z.object({
  /** Data rows in the file (the header not counted). */
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Valid rows whose account reference the portfolio already holds: skipped, never duplicated. */
  alreadyPlaced: z.number().int(),
  /** Valid rows that an import would create. */
  toCreate: z.number().int(),
  /** Rows whose address lies in a multi-zone state the ZIP code does not settle (the engine keeps every zone). */
  ambiguousZone: z.number().int(),
});
export type PlacementCounts = z.infer<typeof placementCounts>;

export const placementPreviewInput = z.object({
  portfolioId: id('portfolioId'),
  /** The team whose pool receives the cases; by default the team that already works the portfolio. */
  teamId: id('teamId').optional(),
  fileName: shortText(255, 'fileName is too long').min(1, 'fileName is required'),
  csv: text({
    max: PLACEMENT_FILE_MAX_CHARS,
    multiline: true,
    verbatim: true,
    tooLong: 'the file is too big for the dashboard: import it with pnpm placements:import',
  }).min(1, 'the file is empty'),
});
export type PlacementPreviewInput = z.input<typeof placementPreviewInput>;

export const placementPreview = z.object({
  token: z.string(),
  portfolioId: z.string(),
  teamId: z.string().nullable(),
  fileName: z.string(),
  fileSha256: z.string(),
  counts: placementCounts,
  /** Problems with the file as a whole (header, encoding): nothing can be imported while there are any. */
  fileErrors: z.array(placementRowError),
  /** Every row error, in row order, up to a cap; `errorCount` is the full number. */
  errorCount: z.number().int(),
  errors: z.array(placementRowError),
  /** The earlier import of this very file into this portfolio, if any: committing again adds nothing. */
  alreadyImported: placementSummary.nullable(),
});
export type PlacementPreview = z.infer<typeof placementPreview>;

export const placementErrorsInput = pageInputOf({
  min: 1,
  max: PLACEMENT_ERRORS_PAGE_SIZE_MAX,
  fallback: 50,
}).extend({ token: shortText(100).min(1, 'token is required') });
export const placementErrorsPage = z.object({
  total: z.number().int(),
  ...pageNumbers,
  errors: z.array(placementRowError),
});

export const PLACEMENT_COMMIT_MODES = ['all', 'valid_only'] as const;
export type PlacementCommitMode = (typeof PLACEMENT_COMMIT_MODES)[number];

export const placementCommitInput = z.object({
  token: shortText(100).min(1, 'token is required'),
  mode: z.enum(PLACEMENT_COMMIT_MODES, { error: 'mode must be all or valid_only' }),
});

export const placementCommitResult = z.object({
  outcome: z.enum(['imported', 'already_imported']),
  placement: placementSummary,
  /** Cases (one debtor each) created by this commit; 0 when the file was imported before. */
  created: z.number().int(),
  /** Rows skipped because their account reference was already placed. */
  skippedExisting: z.number().int(),
  /** Invalid rows left out (valid_only). */
  skippedInvalid: z.number().int(),
});
export type PlacementCommitResult = z.infer<typeof placementCommitResult>;

export const placementListInput = z
  .object({
    portfolioId: id('portfolioId').optional(),
    limit: rowLimit(200),
  })
  .prefault({});
export const placementList = z.object({ placements: z.array(placementSummary) });

export const placementOptions = z.object({
  portfolios: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      currency: z.string(),
      jurisdictionCountry: z.string(),
      jurisdictionRegion: z.string().nullable(),
      defaultTeamId: z.string().nullable(),
    }),
  ),
  teams: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type PlacementOptions = z.infer<typeof placementOptions>;
