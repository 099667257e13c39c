import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../container/services.js';
import type { Logger } from '../observability/logger.js';
import { DomainError } from '../errors/domain-error.js';
import { oneSiteScope } from '../auth/visibility.js';
import { parseOptionalId } from '../shared/ids.js';
import { CSV_REPORTS, csvRows, parseCsvQuery, toCsv, type CsvReport } from '../modules/reports/report-csv.js';
import { readStripeWebhook } from '../modules/payments/stripe-provider.js';
import { answerBodyError, BodyError, readRawBody } from './http-utils.js';
import { clientAddress } from '../config/client-address.js';
import { routeFailure, send, sendCsv } from './route-answers.js';

const MAX_WEBHOOK_BYTES = 512 * 1024;

/**
 * Plain-HTTP routes beside /graphql: the card provider's webhook (a raw body, for its
 * signature) and the CSV exports (same bearer token and `reports:read` as the GraphQL reports).
 * Answers true when it handled the request.
 */
export function integrationRoutes(services: Services, logger: Logger) {
  const { config } = services.infra;
  const fail = routeFailure(logger);

  async function stripeWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'text/plain', 'POST only');
    if (!config.stripeWebhookSecret) return send(res, 404, 'text/plain', 'Stripe is not configured');
    let body: Buffer;
    try {
      body = await readRawBody(req, MAX_WEBHOOK_BYTES);
    } catch (e) {
      if (e instanceof BodyError) return answerBodyError(req, res, e, 'too large', 'text/plain');
      throw e;
    }
    let outcome;
    try {
      outcome = await readStripeWebhook(
        body,
        req.headers['stripe-signature'] as string | undefined,
        config.stripeWebhookSecret,
      );
    } catch (e) {
      logger.warn({ err: (e as Error).message }, 'stripe webhook refused');
      return send(res, 400, 'application/json', JSON.stringify({ error: 'signature verification failed' }));
    }
    if (outcome) await services.payments.settleFromProvider('stripe', outcome);
    send(res, 200, 'application/json', JSON.stringify({ received: true }));
  }

  async function csv(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'GET only');
    const caller = await services.authenticator.authenticate(
      req.headers.authorization,
      clientAddress(req, config.trustedProxies),
    );
    if (!(CSV_REPORTS as readonly string[]).includes(name))
      throw new DomainError('NOT_FOUND', `No report named ${name}; try ${CSV_REPORTS.join(', ')}`);
    const q = parseCsvQuery(new URL(req.url ?? '/', 'http://x').searchParams);
    const siteId = oneSiteScope(caller, 'reports:read', parseOptionalId(q.siteId, 'siteId'));
    const rows = await csvRows(services, name as CsvReport, { ...q, siteId });
    sendCsv(res, `${name}-${q.from.toISOString().slice(0, 10)}.csv`, toCsv(rows));
  }

  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    if (path === '/webhooks/stripe') {
      stripeWebhook(req, res).catch((e: unknown) => fail(res, e));
      return true;
    }
    const m = /^\/reports\/([a-z-]+)\.csv$/.exec(path);
    if (m) {
      csv(req, res, m[1]!).catch((e: unknown) => fail(res, e));
      return true;
    }
    return false;
  };
}
