// `tsx tests/e2e/server-database.ts create|drop <server-url> <name>`: the fresh database the end-to-end run
// on a PostgreSQL server starts its server on (the server migrates and seeds it at start-up), and its removal.
import postgres from 'postgres';

const [action, serverUrl, name] = process.argv.slice(2);
if ((action !== 'create' && action !== 'drop') || !serverUrl || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: tsx tests/e2e/server-database.ts create|drop <server-url> <database-name>');
  process.exit(2);
}
const admin = postgres(serverUrl, { onnotice: () => {}, max: 1 });
try {
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  if (action === 'create') await admin.unsafe(`create database ${name}`);
} finally {
  await admin.end();
}
