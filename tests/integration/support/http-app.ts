import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../../server/src/app.ts';
import type { Database } from '../../../server/src/db/client.ts';

/** What the server answered: the status and the body as text and, when it is JSON, parsed. */
export interface HttpAnswer {
  status: number;
  text: string;
  json: unknown;
}

/**
 * The real Express app on a real listening socket, called with fetch as the dashboard calls it: queries as GET
 * with `?input=`, mutations as POST with a JSON body, signed in by the session cookie `signIn` got.
 */
export async function startHttpApp(db: Database, options: { now?: () => Date } = {}) {
  const app = createApp({
    db,
    sessionTtlHours: 12,
    cookieSecure: false,
    clientDist: '/nonexistent',
    ...(options.now ? { now: options.now } : {}),
  });
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const answer = async (res: Response): Promise<HttpAnswer> => {
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, text, json };
  };

  /** Sends `input` as JSON; `raw` sends this text instead, JSON or not. */
  async function call(
    path: string,
    kind: 'query' | 'mutation',
    input: unknown,
    options: { cookie?: string; raw?: string } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
    const body = options.raw ?? (input === undefined ? undefined : JSON.stringify(input));
    if (kind === 'query') {
      const query = body === undefined ? '' : `?input=${encodeURIComponent(body)}`;
      return answer(await fetch(`${base}/trpc/${path}${query}`, { headers }));
    }
    return answer(
      await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      }),
    );
  }

  /** Signs in over HTTP and returns the session cookie to send with later calls. */
  async function signIn(email: string, password: string): Promise<string> {
    const res = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 200 || !cookie) throw new Error(`sign-in as ${email} answered ${res.status}`);
    return cookie;
  }

  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { base, call, signIn, close };
}
export type HttpApp = Awaited<ReturnType<typeof startHttpApp>>;
