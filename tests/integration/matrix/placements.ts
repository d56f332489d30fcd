import { eq } from 'drizzle-orm';
import { cases } from '../../../server/src/db/schema/index.ts';
import { type Caller, type MatrixRow, type MatrixWorld, only } from './types.ts';

let sequence = 0;

/** A one-row file of its own each time, so a commit always has something new to import. */
async function previewOne(c: Caller, world: MatrixWorld) {
  const [row] = await world.db
    .select({ portfolioId: cases.portfolioId })
    .from(cases)
    .where(eq(cases.id, world.caseId));
  sequence += 1;
  const csv = `account_ref,full_name,principal_minor,due_date,region\nMX-${sequence},Matrix Row,1000,2026-09-01,NY\n`;
  return c.placements.preview({
    portfolioId: row!.portfolioId,
    teamId: world.teamId,
    fileName: 'm.csv',
    csv,
  });
}

/** Placement files are the admin's: every other role is refused before anything is read. */
export const placementsMatrix: Record<string, MatrixRow> = {
  'placements.options': { access: only('admin'), call: (c) => c.placements.options() },
  'placements.preview': { access: only('admin'), call: previewOne },
  'placements.errors': {
    access: only('admin'),
    call: async (c, world) => {
      const { token } = await previewOne(c, world);
      return c.placements.errors({ token });
    },
  },
  'placements.commit': {
    access: only('admin'),
    call: async (c, world) => {
      const { token } = await previewOne(c, world);
      return c.placements.commit({ token, mode: 'all' });
    },
  },
  'placements.list': { access: only('admin'), call: (c) => c.placements.list({}) },
};
