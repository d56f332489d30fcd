import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import type { DatabaseHandle } from '../../server/src/db/client.ts';
import { createTestDatabase } from './support/db.ts';

/**
 * The built dashboard as the server sends it (decision record 023): a hashed asset precompressed at build time in
 * the encoding the browser accepts, cached for a year; the page itself revalidated; a missing asset a 404.
 */
let handle: DatabaseHandle;
let dist: string;
let server: Server;
let port: number;
const script = `export const greeting = ${JSON.stringify('你好 '.repeat(2_000))};\n`;

beforeAll(async () => {
  handle = await createTestDatabase();
  dist = mkdtempSync(path.join(tmpdir(), 'client-assets-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>ArrearsDesk</title>');
  const asset = path.join(dist, 'assets', 'page-AbC123.js');
  writeFileSync(asset, script);
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.gz`, gzipSync(script));
  // A file built without compressed siblings (below the plugin's threshold) is still served, as it is.
  writeFileSync(path.join(dist, 'assets', 'tiny-X1.js'), 'export {};\n');
  const app = createApp({ db: handle.db, sessionTtlHours: 12, cookieSecure: false, clientDist: dist });
  server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await handle.close();
  rmSync(dist, { recursive: true, force: true });
});

/** Raw HTTP, so that no client decompresses the body or chooses the Accept-Encoding for us. */
function get(
  pathname: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
      .on('error', reject);
  });
}

describe('hashed assets', () => {
  it('are sent brotli-compressed to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/page-AbC123.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(script) / 5);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('are sent gzipped where brotli is not accepted, and as they are where nothing is', async () => {
    const gzipped = await get('/assets/page-AbC123.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);

    const plain = await get('/assets/page-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('without compressed siblings are sent as they are', async () => {
    const res = await get('/assets/tiny-X1.js', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe('export {};\n');
  });

  it('that do not exist answer 404, never the page (a stale tab must not parse HTML as a script)', async () => {
    const res = await get('/assets/page-OldHash.js', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.toString()).not.toContain('<!doctype html>');
  });
});

describe('the page', () => {
  it('is index.html at every dashboard address, revalidated on each visit', async () => {
    for (const address of ['/', '/queue', '/cases/00000000-0000-4000-8000-000000000000']) {
      const res = await get(address, 'br');
      expect(res.status, address).toBe(200);
      expect(res.body.toString()).toContain('<title>ArrearsDesk</title>');
      expect(res.headers['cache-control'], address).toBe('no-cache');
    }
  });
});
