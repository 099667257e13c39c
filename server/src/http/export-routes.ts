import type { IncomingMessage, ServerResponse } from 'node:http';
import { moneyCsvCell, moneyCsvHeader } from '@lockers/common';
import type { Services } from '../container/services.js';
import type { Logger } from '../observability/logger.js';
import type { Caller } from '../auth/caller.js';
import { authorize, can } from '../auth/authorize.js';
import { siteScope } from '../auth/visibility.js';
import { clientAddress } from '../config/client-address.js';
import { badInput, forbidden } from '../errors/domain-error.js';
import { parseOptionalId } from '../shared/ids.js';
import { formatSiteTime } from '../shared/site-time.js';
import { SessionStatus } from '../entities/session.state.js';
import type { ActorKind } from '../entities/audit-entry.entity.js';
import { toCsv } from '../modules/reports/report-csv.js';
import { routeFailure, send, sendCsv } from './route-answers.js';

const ACTOR_KINDS: readonly ActorKind[] = ['user', 'kiosk', 'gateway', 'apiKey', 'rule', 'public'];
const iso = (d: Date | string | null) => (d == null ? '' : new Date(d).toISOString());

/** The query string's optional fields, each checked with a typed error naming it. */
function queryOf(req: IncomingMessage) {
  const params = new URL(req.url ?? '/', 'http://x').searchParams;
  const text = (name: string): string | null => params.get(name)?.trim() || null;
  const date = (name: string): Date | null => {
    const raw = text(name);
    if (raw === null) return null;
    const d = new Date(raw);
    if (Number.isNaN(d.getTime())) throw badInput(name, `${name} must be an ISO-8601 date-time`);
    return d;
  };
  const oneOf = <T extends string>(name: string, values: readonly T[]): T | null => {
    const raw = text(name);
    if (raw === null) return null;
    if (!(values as readonly string[]).includes(raw))
      throw badInput(name, `${name} must be one of ${values.join(', ')}`);
    return raw as T;
  };
  return { text, date, oneOf, siteId: () => parseOptionalId(text('siteId'), 'siteId') };
}

/**
 * GET /exports/sessions.csv and /exports/audit.csv: the admin app's lists as files, with the
 * same filters, rights and site limits as the GraphQL queries `sessions` and `auditLog`
 * (same bearer token). Cells follow @lockers/common's CSV rule: none runs as a formula.
 */
export function exportRoutes(services: Services, logger: Logger) {
  const { config } = services.infra;
  const fail = routeFailure(logger);
  const callerOf = (req: IncomingMessage): Caller | Promise<Caller> =>
    services.authenticator.authenticate(req.headers.authorization, clientAddress(req, config.trustedProxies));

  async function sessions(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = await callerOf(req);
    authorize(caller, 'sessions:read');
    const q = queryOf(req);
    const contact = q.text('contact');
    if (contact && caller.kind !== 'user') throw forbidden('Searching by contact is for staff');
    const overdue = q.oneOf('overdue', ['true', 'false'] as const);
    const rows = await services.sessionSearch.exportRows({
      siteIds: siteScope(caller, q.siteId()),
      status: q.oneOf('status', Object.values(SessionStatus)),
      overdue: overdue === null ? null : overdue === 'true',
      compartmentLabel: q.text('compartmentLabel'),
      contact,
      createdFrom: q.date('createdFrom'),
      createdTo: q.date('createdTo'),
    });
    const csv = toCsv(
      rows.map(({ price, paid, currency, ...r }) => ({
        ...r,
        compartment: r.compartment ?? '',
        created_at: iso(r.created_at),
        deposited_at: iso(r.deposited_at),
        due_at: iso(r.due_at),
        retrieved_at: iso(r.retrieved_at),
        ended_at: iso(r.ended_at),
        currency,
        [moneyCsvHeader('price')]: moneyCsvCell({ amount: Number(price), currency }),
        [moneyCsvHeader('paid')]: moneyCsvCell({ amount: Number(paid), currency }),
      })),
      SESSION_COLUMNS,
    );
    sendCsv(res, `sessions-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  }

  async function audit(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const caller = await callerOf(req);
    authorize(caller, 'audit:read');
    const q = queryOf(req);
    const site = q.siteId();
    const rows = await services.audit.exportRows({
      siteIds: siteScope(caller, site),
      includeSiteless: !site && can(caller, 'users:write'),
      actorKind: q.oneOf('actorKind', ACTOR_KINDS),
      actor: q.text('actor'),
      action: q.text('action'),
      from: q.date('from'),
      until: q.date('until'),
    });
    const csv = toCsv(
      rows.map(({ entry: e, timeZone }) => ({
        id: e.id,
        at: iso(e.at),
        at_site_time: formatSiteTime(e.at, timeZone),
        site_id: e.siteId ?? '',
        actor_kind: e.actorKind,
        actor: e.actorName,
        action: e.action,
        subject_type: e.subjectType,
        subject_id: e.subjectId ?? '',
        summary: e.summary,
        before: e.before ? JSON.stringify(e.before) : '',
        after: e.after ? JSON.stringify(e.after) : '',
      })),
      AUDIT_COLUMNS,
    );
    sendCsv(res, `audit-${new Date().toISOString().slice(0, 10)}.csv`, csv);
  }

  const handlers: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    '/exports/sessions.csv': sessions,
    '/exports/audit.csv': audit,
  };
  return (req: IncomingMessage, res: ServerResponse, path: string): boolean => {
    const handler = handlers[path];
    if (!handler) return false;
    if (req.method !== 'GET') send(res, 405, 'text/plain', 'GET only');
    else handler(req, res).catch((e: unknown) => fail(res, e));
    return true;
  };
}

const SESSION_COLUMNS = [
  'id',
  'site_id',
  'site',
  'size',
  'status',
  'compartment',
  'created_at',
  'deposited_at',
  'due_at',
  'retrieved_at',
  'ended_at',
  'currency',
  moneyCsvHeader('price'),
  moneyCsvHeader('paid'),
];
const AUDIT_COLUMNS = [
  'id',
  'at',
  'at_site_time',
  'site_id',
  'actor_kind',
  'actor',
  'action',
  'subject_type',
  'subject_id',
  'summary',
  'before',
  'after',
];
