import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, uuidRef } from './columns.ts';
import { roleEnum, uiLanguageEnum } from './enums.ts';

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; the unique index makes sign-in case-insensitive. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** An agent's team (their pool). Supervisors' teams are in `supervisor_teams`. */
    teamId: uuidRef('team_id', () => teams.id),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').notNull().default('en-US'),
    timeZone: text('time_zone').notNull().default('America/New_York'),
    /** The dashboard's language for this person; starts from the locale (`languageOfTag`), theirs to change. */
    language: uiLanguageEnum('language').notNull().default('en'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_team_idx').on(t.teamId)],
);

/** The teams a supervisor runs (one supervisor may run several teams). */
export const supervisorTeams = pgTable(
  'supervisor_teams',
  {
    supervisorId: uuidRef('supervisor_id', () => users.id).notNull(),
    teamId: uuidRef('team_id', () => teams.id).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.supervisorId, t.teamId] }),
    index('supervisor_teams_team_idx').on(t.teamId),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuidRef('user_id', () => users.id).notNull(),
    createdAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Every sign-in whose password was checked, succeeded or not: the record of who tried from where. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: id(),
    email: text('email').notNull(),
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull(),
    at: createdAt(),
  },
  (t) => [
    index('sign_in_attempts_email_at_idx').on(t.email, t.at),
    index('sign_in_attempts_ip_at_idx').on(t.ip, t.at),
  ],
);

/**
 * The sign-in throttle's state, one row per key (an address, an address and account, or an account): how many
 * attempts of the current streak were let through to the password check, and until when the next one waits.
 * Rows are locked while an attempt is admitted, so concurrent attempts are counted one by one (decision 017).
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    /** Attempts of the current streak charged before their password check; a success clears or refunds. */
    failures: integer('failures').notNull().default(0),
    lastFailureAt: instant('last_failure_at'),
    blockedUntil: instant('blocked_until'),
    /** For an address-and-account key: when that account last signed in from that address. */
    lastSuccessAt: instant('last_success_at'),
  },
  (t) => [index('sign_in_throttle_last_failure_idx').on(t.lastFailureAt)],
);
