import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { notFound } from './errors.ts';

/** A year: the longest lifetime caches honour. A hashed file name never changes content, so it never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page itself names this release's files, so the browser asks again each time (a cheap 304 when unchanged). */
const REVALIDATE = 'no-cache';

/**
 * Serves the built dashboard (decision record 023). Vite names every file under `assets/` by its content hash and
 * writes a `.br` and a `.gz` beside each text file at build time; this sends the precompressed one the browser
 * accepts (brotli first) with a long, immutable cache lifetime. Every other path is a page of the single-page app:
 * `index.html`, revalidated on each visit so a new release is picked up at once. A missing asset is a 404, never
 * the page: a stale tab asking for last release's chunk must fail as a missing script, not parse HTML as one.
 */
export function serveClient(app: Express, dist: string): void {
  app.use(
    '/assets',
    expressStaticGzip(path.join(dist, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      index: false,
      serveStatic: {
        index: false,
        fallthrough: true,
        setHeaders: (res: ServerResponse) => {
          res.setHeader('Cache-Control', IMMUTABLE);
        },
      },
    }),
  );
  app.use('/assets', notFound);
  app.get('/{*splat}', (_req, res) => {
    res.setHeader('Cache-Control', REVALIDATE);
    res.sendFile(path.join(dist, 'index.html'), { cacheControl: false });
  });
}
