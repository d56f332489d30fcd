import type { StagedImport } from './import.service.ts';

/**
 * Previews waiting for a commit, in this server's memory (decision record 012): a preview is cheap to redo, a
 * restart only means uploading the file again, and no half-imported state ever reaches the database. A staged
 * file belongs to the admin who uploaded it, lives 30 minutes, and at most `MAX_STAGED` are kept (oldest out):
 * a 100,000-row preview holds some tens of MB.
 */
export const STAGED_TTL_MS = 30 * 60_000;
const MAX_STAGED = 8;

export class StagingArea {
  private readonly staged = new Map<string, StagedImport>();

  put(entry: StagedImport, now: number): void {
    this.sweep(now);
    while (this.staged.size >= MAX_STAGED) {
      const oldest = this.staged.keys().next().value;
      if (oldest === undefined) break;
      this.staged.delete(oldest);
    }
    this.staged.set(entry.token, entry);
  }

  /** The staged file of this user, or undefined when unknown, expired or someone else's. */
  get(token: string, userId: string | null, now: number): StagedImport | undefined {
    this.sweep(now);
    const entry = this.staged.get(token);
    return entry && entry.userId === userId ? entry : undefined;
  }

  delete(token: string): void {
    this.staged.delete(token);
  }

  private sweep(now: number): void {
    for (const [token, entry] of this.staged) {
      if (now - entry.stagedAt > STAGED_TTL_MS) this.staged.delete(token);
    }
  }
}

export const stagingArea = new StagingArea();
