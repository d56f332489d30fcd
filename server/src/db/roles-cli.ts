import { parseArgs } from 'node:util';
import { openDatabase } from './client.ts';
import { createAppRole, grantAppRole, migrateForApp, ownerUrlOf, roleReach } from './roles.ts';

/**
 * `pnpm db:roles --app-role NAME [--password P] [--no-create]`: as the schema's owner (DATABASE_OWNER_URL, else
 * DATABASE_URL), migrates, creates the app's login role (or strips an existing one of special attributes) and grants it
 * what the app needs and nothing more (decision record 021). Creating needs CREATEROLE; `--no-create` only grants.
 */
const { values } = parseArgs({
  options: {
    'app-role': { type: 'string' },
    password: { type: 'string' },
    'no-create': { type: 'boolean', default: false },
  },
});
const role = values['app-role'];
const ownerUrl = ownerUrlOf({ url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL });
if (!role || !ownerUrl) {
  console.error(
    'usage: DATABASE_OWNER_URL=postgres://owner@host/db pnpm db:roles --app-role NAME [--password P]',
  );
  console.error(
    '(a PostgreSQL server URL of the role that owns the schema; DATABASE_URL is used when it is unset)',
  );
  process.exit(2);
}

const handle = await openDatabase({ url: ownerUrl, poolSize: 1 });
try {
  const owner = await roleReach(handle.db);
  if (owner.role === role)
    throw new Error(`${role} is the owner this command connects as; the app needs another role`);
  await migrateForApp(handle, { url: ownerUrl });
  if (!values['no-create']) {
    console.log(`${await createAppRole(handle.db, role, values.password)} role ${role}`);
  }
  await grantAppRole(handle.db, role);
  console.log(
    `granted ${role} what the app needs in ${new URL(ownerUrl).pathname.slice(1)} (owner: ${owner.role})`,
  );
  console.log(`the app now connects with DATABASE_URL=postgres://${role}:…@${new URL(ownerUrl).host}/…`);
} catch (error) {
  // drizzle wraps the server's refusal ("permission denied to create role") as the cause of "Failed query".
  const cause = (error as { cause?: Error }).cause;
  console.error(cause?.message ?? (error instanceof Error ? error.message : error));
  if (/create role|permission denied to (create|alter) role/i.test(String(cause?.message))) {
    console.error(
      'Create the role as a superuser (CREATE ROLE name LOGIN PASSWORD …), then run with --no-create.',
    );
  }
  process.exitCode = 1;
} finally {
  await handle.close();
}
