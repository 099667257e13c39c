import type { ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.js';
import { DomainError } from '../errors/domain-error.js';

/** HTTP status of each domain error code on the plain-HTTP routes (CSV exports, webhooks). */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function send(res: ServerResponse, status: number, type: string, body: string): void {
  if (!res.headersSent) res.writeHead(status, { 'content-type': type });
  res.end(body);
}

/**
 * Answers a failed plain-HTTP route: a DomainError as its code and message in JSON, with the
 * status above; anything else logged and answered 500 without its details.
 */
export function routeFailure(logger: Logger) {
  return (res: ServerResponse, e: unknown): void => {
    if (res.destroyed) return; // the client went away: nobody to answer
    if (e instanceof DomainError)
      return send(
        res,
        STATUS[e.code] ?? 400,
        'application/json',
        JSON.stringify({ error: { code: e.code, message: e.message, ...e.extensions } }),
      );
    logger.error({ err: e }, 'integration route failed');
    send(
      res,
      500,
      'application/json',
      JSON.stringify({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } }),
    );
  };
}

/** Sends CSV text as a download named `fileName`. */
export function sendCsv(res: ServerResponse, fileName: string, text: string): void {
  res.setHeader('content-disposition', `attachment; filename="${fileName}"`);
  send(res, 200, 'text/csv; charset=utf-8', text);
}
