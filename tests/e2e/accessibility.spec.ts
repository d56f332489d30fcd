import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { actionsPanel, DEMO, goTo, openCase, settled, signIn, type Visit } from './support.ts';

/**
 * Issue 15: every page of every role, on a 1366×768 screen (the smallest laptop our agents work on), passes an
 * axe-core scan (WCAG 2.x A and AA) with nothing serious or critical, does not scroll sideways, and shows every
 * action button inside the viewport. The routes are those of client/src/app/routes.tsx a role may open.
 */

// A page load and an axe scan take tens of seconds on a loaded two-core machine.
test.describe.configure({ timeout: 120_000 });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical axe violations, one line per element: rule id, impact, target. */
async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(' ')}`));
}

/** Horizontal scrolling of the page, visible buttons whose box leaves the viewport, and over-wide short inputs. */
async function viewportProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      problems.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    }
    const width = root.clientWidth;
    for (const button of document.querySelectorAll<HTMLElement>('button, [role="button"]')) {
      if (!button.checkVisibility({ visibilityProperty: true })) continue;
      const box = button.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.left < 0 || box.right > width) {
        const name = (button.getAttribute('aria-label') ?? button.textContent ?? '').trim();
        problems.push(
          `button "${name.slice(0, 60)}" spans x ${Math.round(box.left)}–${Math.round(box.right)} (viewport ${width})`,
        );
      }
    }
    // Short values get short inputs: a count or an amount in a field as wide as the page reads as a text box.
    for (const input of document.querySelectorAll<HTMLInputElement>(
      'input[inputmode="numeric"], input[inputmode="decimal"]',
    )) {
      if (!input.checkVisibility()) continue;
      const box = input.getBoundingClientRect();
      if (box.width > 200) {
        problems.push(`short-value input "${input.name || input.id}" is ${Math.round(box.width)} px wide`);
      }
    }
    return problems;
  });
}

const caseScreen = (accountRef: string): Visit => ({
  name: `case ${accountRef}`,
  open: (page) => openCase(page, accountRef),
});

const logCallDialog: Visit = {
  name: 'log-a-call dialog',
  open: async (page) => {
    await openCase(page, 'DEMO-CONV-YESTERDAY');
    await page.keyboard.press('c');
    await expect(page.getByRole('dialog', { name: 'Log a call' })).toBeVisible();
  },
};

// The audit's longest range (92 days), so the list has rows to scan.
const today = new Date().toISOString().slice(0, 10);
const quarterAgo = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
const auditOfQuarter = (kind: 'decisions' | 'contacts') =>
  `/compliance/audit?kind=${kind}&from=${quarterAgo}&to=${today}`;

/**
 * A decision's page. The demo book holds no decisions, so a supervisor first makes one: a letter without the
 * debt-collector disclosure, which the guard refuses and keeps. Managers and admins, who see every team, open
 * the one the supervisor's run left (the tests run in order, one worker).
 */
const decisionPage = (makeOne: boolean): Visit => ({
  name: 'audit decision',
  open: async (page) => {
    if (makeOne) {
      await openCase(page, 'DEMO-CONV-YESTERDAY');
      await actionsPanel(page)
        .getByRole('button', { name: /^Send letter · / })
        .first()
        .click();
      const dialog = page.getByRole('dialog', { name: 'Send a letter' });
      await dialog.getByLabel('Message').fill('Please call us about your account (accessibility test).');
      await dialog.getByRole('button', { name: 'Send letter' }).click();
      await expect(dialog.getByRole('alert')).toContainText('US-FDCPA-MIRANDA');
    }
    await page.goto('/compliance/audit?kind=decisions&ruleId=US-FDCPA-MIRANDA');
    await page
      .getByRole('table', { name: 'Audit rows' })
      .getByRole('link', { name: /^Open decision / })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: /^Decision \d+$/, level: 1 })).toBeVisible();
  },
});

const compliancePages = (role: 'supervisor' | 'cn-supervisor' | 'other'): Visit[] => [
  { name: 'audit', open: goTo('/compliance/audit') },
  { name: 'audit: 90 days of contacts', open: goTo(auditOfQuarter('contacts')) },
  // A decision of the China team would need a refusal of its own; its page is the same component.
  ...(role === 'cn-supervisor' ? [] : [decisionPage(role === 'supervisor')]),
  { name: 'QA sample', open: goTo('/compliance/qa') },
  ...(role !== 'other' ? [{ name: 'approvals', open: goTo('/compliance/approvals') }] : []),
  { name: 'complaints', open: goTo('/compliance/complaints') },
  ...(role !== 'other' ? [{ name: 'team', open: goTo('/compliance/team') }] : []),
  ...(role !== 'other' ? [{ name: 'letters', open: goTo('/compliance/letters') }] : []),
];

const ROLES: { who: string; email: string; visits: Visit[] }[] = [
  {
    who: 'agent alice',
    email: DEMO.agent,
    visits: [
      { name: 'queue', open: goTo('/queue') },
      { name: 'cases', open: goTo('/cases') },
      caseScreen('DEMO-CONV-YESTERDAY'),
      logCallDialog,
    ],
  },
  {
    who: 'CN agent li.wei',
    email: DEMO.chinaAgent,
    visits: [
      { name: 'queue', open: goTo('/queue') },
      { name: 'cases', open: goTo('/cases') },
      caseScreen('DEMO-CN-1'),
    ],
  },
  {
    who: 'supervisor sam',
    email: DEMO.supervisor,
    visits: [
      { name: 'queue', open: goTo('/queue') },
      { name: 'cases', open: goTo('/cases') },
      caseScreen('DEMO-ESCALATION'),
      ...compliancePages('supervisor'),
      { name: 'outbox', open: goTo('/outbox') },
    ],
  },
  {
    who: 'CN supervisor mei',
    email: 'mei@arrearsdesk.demo',
    visits: [caseScreen('DEMO-CN-1'), ...compliancePages('cn-supervisor')],
  },
  {
    who: 'manager morgan',
    email: DEMO.manager,
    visits: [
      { name: 'cases', open: goTo('/cases') },
      caseScreen('DEMO-DISPUTED'),
      ...compliancePages('other'),
      { name: 'reports', open: goTo('/reports') },
    ],
  },
  {
    who: 'admin ada',
    email: DEMO.admin,
    visits: [
      { name: 'cases', open: goTo('/cases') },
      caseScreen('DEMO-WA'),
      ...compliancePages('other'),
      { name: 'reports', open: goTo('/reports') },
      { name: 'rules', open: goTo('/admin/rules') },
      {
        name: 'rule parameter editor',
        open: async (page) => {
          await page.goto('/admin/rules');
          await page
            .getByRole('table', { name: 'Portfolios and their rule packs' })
            .getByRole('link', { name: /^Edit parameters of / })
            .first()
            .click();
          await expect(page.getByRole('region', { name: /^Parameters of / })).toBeVisible();
        },
      },
      { name: 'placements', open: goTo('/admin/placements') },
      { name: 'reminders', open: goTo('/admin/reminders') },
      { name: 'agencies', open: goTo('/admin/agencies') },
      { name: 'integrations', open: goTo('/admin/integrations') },
      { name: 'outbox', open: goTo('/outbox') },
    ],
  },
];

for (const { who, email, visits } of ROLES) {
  // Tagged so that `npm test` runs it once, in e2e:server (scripts/test-all.mjs): it does not depend on the database.
  test.describe(who, { tag: '@every-page' }, () => {
    // Signed in once per role; each page is its own test, so one slow or failing page does not hide the rest.
    let storageState = '';
    test.beforeAll(async ({ browser }, testInfo) => {
      const context = await browser.newContext();
      await signIn(await context.newPage(), email);
      storageState = testInfo.outputPath('session.json');
      await context.storageState({ path: storageState });
      await context.close();
    });

    for (const visit of visits) {
      test(`${visit.name}: no serious or critical axe violation, fits a 1366×768 screen`, async ({
        browser,
      }) => {
        const context = await browser.newContext({ storageState, viewport: { width: 1366, height: 768 } });
        const page = await context.newPage();
        await visit.open(page);
        await settled(page);
        expect.soft(await axeProblems(page), `axe on ${visit.name} (${page.url()})`).toEqual([]);
        expect.soft(await viewportProblems(page), `1366×768 on ${visit.name} (${page.url()})`).toEqual([]);
        await context.close();
      });
    }
  });
}
