import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import postgres from 'postgres';
import { logger } from '../logger.ts';
import { type DatabaseHandle, type Executor, MIGRATIONS_FOLDER, openDatabase, queryRows } from './client.ts';

/**
 * Database roles on a PostgreSQL server (decision record 021). The owner role owns the schema and runs the
 * migrations and the seed's bulk load; the app connects as a role that owns nothing, so it cannot switch off the
 * append-only triggers (ALTER/DROP TRIGGER, `session_replication_role`) nor TRUNCATE the history.
 */

/** What DATABASE_URL and DATABASE_OWNER_URL say: the app's connection and, when different, the owner's. */
export interface DatabaseUrls {
  url?: string | undefined;
  ownerUrl?: string | undefined;
}

/** Where owner-only work connects: DATABASE_OWNER_URL, else DATABASE_URL (one role for both, as in development). */
export const ownerUrlOf = (urls: DatabaseUrls): string | undefined => urls.ownerUrl ?? urls.url;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function roleIdentifier(role: string) {
  if (!ROLE_NAME.test(role)) {
    throw new Error(`role name "${role}" must be lower-case letters, digits and underscores`);
  }
  return sql.identifier(role);
}

/** The tables whose history triggers (`arrears_reject_history_change`) refuse UPDATE, DELETE and TRUNCATE. */
export async function appendOnlyTables(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct c.relname as name
          from pg_trigger t
          join pg_class c on c.oid = t.tgrelid
          join pg_namespace n on n.oid = c.relnamespace
          join pg_proc p on p.oid = t.tgfoid
         where n.nspname = 'public' and p.proname = 'arrears_reject_history_change' and not t.tgisinternal
         order by 1`,
  );
  return rows.map((r) => r.name);
}

/**
 * Grants `role` what the running app needs and nothing more, as the owner (the role running this), idempotently:
 * read and write the tables, only read and add to the append-only ones, use the sequences, run the functions the
 * triggers call. No TRUNCATE, REFERENCES or TRIGGER, no CREATE on the schema. Default privileges cover tables the
 * owner's later migrations create; start-up and `pnpm db:migrate` call this again after migrating, which also
 * narrows a new append-only table.
 */
export async function grantAppRole(db: Executor, role: string): Promise<void> {
  const app = roleIdentifier(role);
  const history = await appendOnlyTables(db);
  const [database] = await queryRows<{ name: string }>(db, sql`select current_database() as name`);
  await db.transaction(async (tx) => {
    await tx.execute(sql`grant connect on database ${sql.identifier(database?.name ?? '')} to ${app}`);
    await tx.execute(sql`grant usage on schema public to ${app}`);
    await tx.execute(sql`revoke create on schema public from ${app}`);
    await tx.execute(sql`grant select, insert, update, delete on all tables in schema public to ${app}`);
    await tx.execute(sql`revoke truncate, references, trigger on all tables in schema public from ${app}`);
    for (const table of history) {
      await tx.execute(sql`revoke update, delete on table ${sql.identifier(table)} from ${app}`);
    }
    await tx.execute(sql`grant usage, select on all sequences in schema public to ${app}`);
    await tx.execute(sql`revoke update on all sequences in schema public from ${app}`);
    await tx.execute(sql`grant execute on all functions in schema public to ${app}`);
    // Only to read which migrations were applied: a start without the owner's URL checks the schema is current.
    await tx.execute(sql`grant usage on schema drizzle to ${app}`);
    await tx.execute(sql`grant select on table drizzle.__drizzle_migrations to ${app}`);
    await tx.execute(
      sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${app}`,
    );
    await tx.execute(
      sql`alter default privileges in schema public grant usage, select on sequences to ${app}`,
    );
  });
}

/**
 * Creates `role` as a login role without any special attribute (or, when it exists, takes every such attribute
 * away), optionally with a password. Needs CREATEROLE (or a superuser).
 */
export async function createAppRole(
  db: Executor,
  role: string,
  password?: string,
): Promise<'created' | 'altered'> {
  roleIdentifier(role);
  const [exists] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_roles where rolname = ${role}`,
  );
  const verb = exists?.n ? 'alter' : 'create';
  const attributes = 'login nosuperuser nocreatedb nocreaterole noreplication nobypassrls inherit';
  // A role's password cannot be a bind parameter: format() quotes it on the server.
  const [statement] = await queryRows<{ text: string }>(
    db,
    password === undefined
      ? sql`select format(${`${verb} role %I with ${attributes}`}, ${role}::text) as text`
      : sql`select format(${`${verb} role %I with ${attributes} password %L`}, ${role}::text, ${password}::text) as text`,
  );
  await db.execute(sql.raw(statement?.text ?? ''));
  return verb === 'create' ? 'created' : 'altered';
}

/** What the connection's role could do to the history beyond the grants: be a superuser, or own a table. */
export async function roleReach(
  db: Executor,
): Promise<{ role: string; superuser: boolean; ownsTables: number }> {
  const [row] = await queryRows<{ role: string; superuser: boolean; owns_tables: number }>(
    db,
    sql`select current_user::text as role,
               (select rolsuper from pg_roles where rolname = current_user) as superuser,
               (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relkind in ('r', 'p')
                   and pg_has_role(current_user, c.relowner, 'USAGE')) as owns_tables`,
  );
  return { role: row?.role ?? '', superuser: Boolean(row?.superuser), ownsTables: row?.owns_tables ?? 0 };
}

/** Whether the connection's role may run the migrations (they create schemas and tables in the database). */
async function mayMigrate(db: Executor): Promise<boolean> {
  const [row] = await queryRows<{ may: boolean }>(
    db,
    sql`select has_database_privilege(current_database(), 'CREATE') as may`,
  );
  return Boolean(row?.may);
}

/** Refuses to start on a schema the owner has not brought up to date (the app's role cannot migrate it). */
async function assertMigrated(db: Executor): Promise<void> {
  const latest = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).at(-1)?.folderMillis ?? 0;
  const [applied] = await queryRows<{ at: string | null }>(
    db,
    sql`select max(created_at)::text as at from drizzle.__drizzle_migrations`,
  ).catch(() => [{ at: null }]);
  if (Number(applied?.at ?? 0) < latest) {
    throw new Error(
      'the database lacks migrations and this role may not apply them: run `pnpm db:migrate` with DATABASE_OWNER_URL, or start with it set',
    );
  }
}

/** The role and database a URL signs in to (the server's answer: a pooler or pg_ident may map the user name). */
export async function signInOf(url: string): Promise<{ role: string; database: string }> {
  const client = postgres(url, { onnotice: () => {}, max: 1 });
  try {
    const [row] = await client<{ role: string; database: string }[]>`
      select current_user::text as role, current_database()::text as database`;
    return { role: row?.role ?? '', database: row?.database ?? '' };
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Applies pending migrations on the owner's handle; then, when the app signs in as a role of its own (DATABASE_URL
 * beside DATABASE_OWNER_URL), grants that role the app's privileges, so every new table is covered. Returns the
 * role granted, or null when there is one role for both.
 */
export async function migrateForApp(owner: DatabaseHandle, urls: DatabaseUrls): Promise<string | null> {
  if (owner.kind === 'postgres' && !urls.ownerUrl && !(await mayMigrate(owner.db))) {
    // The app's own role, started without the owner's URL: the owner migrated beforehand, or nobody did.
    await assertMigrated(owner.db);
    return null;
  }
  await owner.migrate();
  if (owner.kind !== 'postgres' || !urls.ownerUrl || !urls.url) return null;
  const [app, self, here] = await Promise.all([
    signInOf(urls.url),
    roleReach(owner.db),
    queryRows<{ name: string }>(owner.db, sql`select current_database()::text as name`),
  ]);
  if (app.database !== here[0]?.name) {
    throw new Error(
      `DATABASE_URL (database ${app.database}) and DATABASE_OWNER_URL (database ${here[0]?.name}) must name the same database`,
    );
  }
  if (app.role === self.role) return null;
  await grantAppRole(owner.db, app.role);
  return app.role;
}

/** The owner's handle: a small pool on DATABASE_OWNER_URL, or the app's own handle when there is no such URL. */
export async function openOwner(app: DatabaseHandle, ownerUrl: string | undefined): Promise<DatabaseHandle> {
  if (!ownerUrl || app.kind !== 'postgres') return app;
  return openDatabase({ url: ownerUrl, poolSize: 2 });
}

/** Start-up: says so when the app's role could switch off the append-only triggers (it owns them, or is a superuser). */
export async function warnIfAppOwnsHistory(app: DatabaseHandle): Promise<void> {
  if (app.kind !== 'postgres') return;
  const reach = await roleReach(app.db);
  if (reach.superuser || reach.ownsTables > 0) {
    logger.warn(
      { role: reach.role, superuser: reach.superuser, ownsTables: reach.ownsTables },
      'the app connects as a role that owns the tables (or a superuser), so it could switch off the append-only triggers; run it as a role that owns nothing (README, "Running on a PostgreSQL server")',
    );
  }
}

/** DATABASE_URL's database for a command: migrated first as the owner (granting the app role), then used as the app. */
export async function openMigrated(urls: DatabaseUrls, poolSize: number): Promise<DatabaseHandle> {
  const app = await openDatabase({ url: urls.url, poolSize });
  const owner = await openOwner(app, urls.ownerUrl);
  try {
    await migrateForApp(owner, urls);
  } catch (error) {
    await app.close();
    throw error;
  } finally {
    if (owner !== app) await owner.close();
  }
  return app;
}
