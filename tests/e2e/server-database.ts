// `tsx tests/e2e/server-database.ts create|drop <server-url> <name>`: the fresh database the end-to-end run on a
// PostgreSQL server starts its server on, and its removal. As an agency deploys it (decision record 021): the
// database belongs to an owner role `<name>_owner`, which migrates and seeds it at the server's start-up, and the
// server works as `<name>_app`, a login role that owns nothing. Both sign in without a password, as the test
// server trusts local connections (the same assumption as the integration suite's app role).
import postgres from 'postgres';

const [action, serverUrl, name] = process.argv.slice(2);
if ((action !== 'create' && action !== 'drop') || !serverUrl || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: tsx tests/e2e/server-database.ts create|drop <server-url> <database-name>');
  process.exit(2);
}
const owner = `${name}_owner`;
const app = `${name}_app`;
const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`drop role if exists ${app}`);
  await admin.unsafe(`drop role if exists ${owner}`);
  if (action === 'create') {
    await admin.unsafe(`create role ${owner} login`);
    await admin.unsafe(
      `create role ${app} login nosuperuser nocreatedb nocreaterole noreplication nobypassrls`,
    );
    await admin.unsafe(`create database ${name} owner ${owner}`);
  }
} finally {
  await admin.end();
}
