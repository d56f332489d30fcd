/**
 * How far a seed has got: the step it is in, the cases generated and loaded so far of those it generates, and the
 * contact-log rows they brought. `seedDemoBook` reports one at the start of every step and after every batch of cases.
 */
export interface SeedProgress {
  step: SeedStep;
  cases: number;
  totalCases: number;
  contacts: number;
}

/** The seed's steps, in the order they run (`done` last). */
export const SEED_STEPS = {
  'sign-ins': 'reference data and sign-ins',
  cases: 'cases',
  indexes: 'indexes',
  demos: 'agency, supervision and reminder demos',
  reports: 'report rollups and contact insights',
  done: 'done',
} as const;
export type SeedStep = keyof typeof SEED_STEPS;
const ORDER = Object.keys(SEED_STEPS) as SeedStep[];

export interface ProgressPrinterOptions {
  /** Where lines go (without their newline, which the printer adds). */
  write: (text: string) => void;
  /** On a terminal the case count is redrawn in place; elsewhere (a log file, CI) it is a new line. */
  tty: boolean;
  /** At most one case-count line this often, in ms (1 s by default); a step change always prints. */
  interval?: number;
  clock?: () => number;
}

/**
 * Turns progress reports into console lines, so a seed that takes a while says what it is doing and what is left:
 *
 *     [1.4 s] 1,500 / 3,000 cases, 8,628 contacts; 1,500 cases left (about 1 s), then indexes, …
 *
 * A line per step, and during the cases at most one per `interval`; on a terminal the case line is redrawn in place.
 */
export function progressPrinter(options: ProgressPrinterOptions): (progress: SeedProgress) => void {
  const clock = options.clock ?? (() => performance.now());
  const interval = options.interval ?? 1000;
  const started = clock();
  let step: SeedStep | null = null;
  let printedAt = Number.NEGATIVE_INFINITY;
  let casesStartedAt = started;
  let redrawing = false;
  const elapsed = (at: number) => `[${((at - started) / 1000).toFixed(1)} s]`;
  const line = (text: string, inPlace: boolean) => {
    if (inPlace && options.tty) {
      options.write(`\r\x1b[K${text}`);
      redrawing = true;
      return;
    }
    options.write(`${redrawing ? '\n' : ''}${text}\n`);
    redrawing = false;
  };

  return (progress) => {
    const at = clock();
    if (step === null) line(`seeding a demo book of ${count(progress.totalCases)} cases`, false);
    const changed = progress.step !== step;
    step = progress.step;
    if (changed && step === 'cases') casesStartedAt = at;
    if (step === 'done') {
      line(
        `${elapsed(at)} seeded ${count(progress.totalCases)} cases and ${count(progress.contacts)} contacts`,
        false,
      );
      return;
    }
    if (step !== 'cases') {
      line(`${elapsed(at)} ${SEED_STEPS[step]}; then ${after(step)}`, false);
      return;
    }
    const finished = progress.cases >= progress.totalCases;
    if (!changed && !finished && at - printedAt < interval) return;
    printedAt = at;
    const left = progress.totalCases - progress.cases;
    const rate = progress.cases / Math.max(1, at - casesStartedAt);
    const eta =
      progress.cases > 0 && left > 0 ? ` (about ${Math.max(1, Math.round(left / rate / 1000))} s)` : '';
    line(
      `${elapsed(at)} ${count(progress.cases)} / ${count(progress.totalCases)} cases, ` +
        `${count(progress.contacts)} contacts; ${count(left)} cases left${eta}, then ${after('cases')}`,
      !finished && !changed,
    );
  };
}

/** The steps after `step`, in short, for "what is left". */
function after(step: SeedStep): string {
  const rest = ORDER.slice(ORDER.indexOf(step) + 1).filter((s) => s !== 'done');
  return rest.length === 0 ? 'done' : rest.join(', ');
}

const count = (n: number) => n.toLocaleString('en-US');
