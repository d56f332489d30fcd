import { describe, expect, it } from 'vitest';
import { parseHiddenColumns } from './queue-columns-choice.ts';

describe('parseHiddenColumns', () => {
  it('keeps the known optional columns once each', () => {
    expect(parseHiddenColumns(['bucket', 'stage', 'bucket'])).toEqual(['bucket', 'stage']);
  });

  it('drops columns that are unknown or always shown', () => {
    expect(parseHiddenColumns(['debtorName', 'workable', 'shoeSize', 'priority'])).toEqual(['priority']);
  });

  it('refuses what is not a list, so the default applies', () => {
    expect(parseHiddenColumns({ bucket: true })).toBeNull();
    expect(parseHiddenColumns('bucket')).toBeNull();
  });
});
