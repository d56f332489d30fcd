import { pino } from 'pino';

/** Structured JSON logs; the session token and cookies never reach them. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.cookie', 'res.headers["set-cookie"]', 'password'],
});
