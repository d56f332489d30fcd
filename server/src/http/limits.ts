import { TRPCError } from '@trpc/server';
import type { Request, RequestHandler, Response } from 'express';
import { sendError } from './errors.ts';

/**
 * The limits of `/trpc` requests (decision 018), checked before the tRPC adapter runs: the methods it serves, how
 * many calls one batched request may carry, and how big a body may be — refused from `Content-Length` before
 * reading, and while reading when a chunked body passes the limit, so an oversized body is never read whole.
 */

/** A request body of any procedure; the largest real one (a batch of ten notes) is a few hundred kilobytes. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

const ALLOWED_METHODS = 'GET, HEAD, POST, OPTIONS';

/** GET and HEAD for queries, POST for mutations; OPTIONS answers which (the API is same-origin, no CORS). */
export const allowMethods: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'POST') return next();
  if (req.method === 'OPTIONS') {
    res.set('allow', ALLOWED_METHODS).status(204).end();
    return;
  }
  sendError(
    res,
    new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: `${req.method} is not supported here.` }),
    { allow: ALLOWED_METHODS },
  );
};

/** The procedure paths a `/trpc` request calls: `a.b,c.d?batch=1` calls two. Null when the path is malformed. */
export function callsOf(req: Request): string[] | null {
  let path: string;
  try {
    path = decodeURIComponent(req.path.replace(/^\//, ''));
  } catch {
    return null;
  }
  const query = req.originalUrl.indexOf('?');
  const batch = query >= 0 && new URLSearchParams(req.originalUrl.slice(query)).get('batch') === '1';
  return batch ? path.split(',') : [path];
}

/**
 * Refuses a batch of more than `max` calls before anything runs: the calls of a batch run at once, so an unbounded
 * batch holds as many database connections as it likes.
 */
export function capBatch(max: number): RequestHandler {
  return (req, res, next) => {
    const calls = callsOf(req);
    if (calls === null) {
      sendError(
        res,
        new TRPCError({ code: 'BAD_REQUEST', message: 'The address is not valid URL-encoding.' }),
      );
      return;
    }
    if (calls.length <= max) return next();
    sendError(
      res,
      new TRPCError({
        code: 'BAD_REQUEST',
        message: `One request may carry at most ${max} calls; this one carries ${calls.length}. Send them in smaller batches.`,
      }),
    );
  };
}

export interface BodyLimits {
  /** The limit of every body but the larger ones below. */
  default: number;
  /** Procedures that take a larger body (an upload), with their limit; any one of them in a batch lifts it. */
  larger: Record<string, { bytes: number; tooLarge: string }>;
  /** Whether this caller may send a larger body (checked only when one is on its way, so it may cost a query). */
  mayUpload: (req: Request) => Promise<boolean>;
}

/**
 * Reads a POST body as UTF-8 text into `req.body` (the tRPC adapter takes it from there) within the request's
 * limit. Only JSON is accepted, uncompressed: a compressed body's size says nothing about what it inflates to.
 */
export function readBody(limits: BodyLimits): RequestHandler {
  return async (req, res, next) => {
    if (req.method !== 'POST') return next();
    const type = (req.headers['content-type'] ?? '').split(';', 1)[0]!.trim().toLowerCase();
    if (type !== 'application/json') {
      return refuse(
        res,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send the request as JSON (Content-Type: application/json).',
      );
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') {
      return refuse(
        res,
        'UNSUPPORTED_MEDIA_TYPE',
        `A ${encoding}-encoded body is not accepted; send it as is.`,
      );
    }
    try {
      const { bytes, tooLarge } = await limitOf(req, limits);
      const declared = req.headers['content-length'];
      if (declared !== undefined && Number(declared) > bytes) return refuseTooLarge(req, res, tooLarge);
      const body = await readText(req, bytes);
      if (body === null) return refuseTooLarge(req, res, tooLarge);
      req.body = body;
      next();
    } catch (err) {
      next(err);
    }
  };
}

async function limitOf(req: Request, limits: BodyLimits): Promise<{ bytes: number; tooLarge: string }> {
  const fallback = {
    bytes: limits.default,
    tooLarge: `The request body is too large: at most ${formatBytes(limits.default)}.`,
  };
  const larger = (callsOf(req) ?? [])
    .map((path) => limits.larger[path])
    .filter((limit) => limit !== undefined)
    .sort((a, b) => b.bytes - a.bytes)[0];
  if (!larger) return fallback;
  // A body that fits the default needs no session look-up; a larger one only for a caller who may upload.
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  if (declared <= limits.default) return fallback;
  return (await limits.mayUpload(req)) ? larger : fallback;
}

/** The body as text, or null once it passes `limit` bytes: nothing more is kept from there on. */
function readText(req: Request, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      settle();
      resolve(null);
    };
    const onEnd = () => {
      settle();
      try {
        resolve(UTF8.decode(Buffer.concat(chunks, size)));
      } catch {
        reject(new TRPCError({ code: 'BAD_REQUEST', message: 'The request body is not valid UTF-8.' }));
      }
    };
    const onError = (err: Error) => {
      settle();
      reject(err);
    };
    // The client went away before the end: nobody is left to answer.
    const onClose = () => {
      settle();
      reject(new TRPCError({ code: 'CLIENT_CLOSED_REQUEST', message: 'The client closed the request.' }));
    };
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function refuse(res: Response, code: 'UNSUPPORTED_MEDIA_TYPE', message: string) {
  sendError(res, new TRPCError({ code, message }));
}

/** How long the rest of a refused body is let in (and dropped) before the connection is closed. */
const LINGER_MS = 1_000;

/**
 * 413 at once, without waiting for the body. Closing the connection while the body still streams in would reset
 * it, and the client could lose the answer; so the rest is discarded as it arrives (never kept) for a moment, then
 * the connection closes unless the body has ended.
 */
function refuseTooLarge(req: Request, res: Response, message: string) {
  sendError(res, new TRPCError({ code: 'PAYLOAD_TOO_LARGE', message }));
  if (req.readableEnded) return;
  const close = setTimeout(() => req.socket.destroy(), LINGER_MS);
  req.once('end', () => clearTimeout(close));
  req.resume();
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
