import { type MatrixRow, signedIn } from './types.ts';

export const casesMatrix: Record<string, MatrixRow> = {
  'cases.list': { access: signedIn, call: (c) => c.cases.list({}) },
  'cases.filterOptions': { access: signedIn, call: (c) => c.cases.filterOptions() },
};
