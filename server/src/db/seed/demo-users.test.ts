import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, demoSignInLines } from './demo-users.ts';

const README = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');

describe('the start-up banner', () => {
  it('lists every demo sign-in the README lists, and every user the seed makes', () => {
    const banner = demoSignInLines().join('\n');
    const inReadme = [...README.matchAll(/`([a-z.]+@arrearsdesk\.demo)`/g)].map((m) => m[1]);
    expect(new Set(inReadme)).toEqual(new Set(DEMO_USERS.map((u) => u.email)));
    for (const email of inReadme) expect(banner).toContain(email);
  });

  it('names the team of each agent and supervisor', () => {
    const lines = demoSignInLines();
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {4}agent {7}.*zhang\.min@arrearsdesk\.demo {2}\(China Collections\)$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^ {4}supervisor {2}sam@arrearsdesk\.demo {2}\(US Collections\)$/),
    );
  });
});
