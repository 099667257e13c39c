import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../shared/clock.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { isInternalAddress, resolveAll } from '../../security/outbound-address.js';
import { newId } from '../../shared/ids.js';
import { WebhookDeliveryEntity, WebhookEndpointEntity } from '../../entities/webhook.entity.js';
import { WebhookSecrets } from './webhook-secret.js';
import { eventFromEnum } from './webhook-events.js';
import {
  toDeliveryView,
  toEndpointView,
  type CreatedWebhookEndpoint,
  type WebhookAttemptView,
  type WebhookDeliveryView,
} from './webhook.types.js';

const MAX_ENDPOINTS = 50;

/** ADMINs register receivers for chosen events and watch their deliveries. */
export class WebhookService {
  constructor(
    private readonly em: EntityManager,
    private readonly secrets: WebhookSecrets,
    private readonly clock: Clock,
    /** WEBHOOK_ALLOW_PRIVATE_ADDRESSES: receivers on loopback or private networks allowed. */
    private readonly allowInternal = false,
  ) {}

  async create(
    url: string,
    events: string[],
    description: string | null,
    actor: string,
  ): Promise<CreatedWebhookEndpoint> {
    const target = parseUrl(url);
    await this.checkTarget(target);
    if (events.length === 0) throw badInput('events', 'choose at least one event');
    if (description && description.length > 200) throw badInput('description', 'at most 200 characters');
    const em = this.em.fork();
    if ((await em.count(WebhookEndpointEntity, { deletedAt: null })) >= MAX_ENDPOINTS)
      throw badInput('url', `at most ${MAX_ENDPOINTS} endpoints`);
    const secret = WebhookSecrets.generate();
    const endpoint = em.create(WebhookEndpointEntity, {
      id: newId(),
      url: target,
      description: description?.trim() || null,
      events: [...new Set(events.map(eventFromEnum))],
      secretEncrypted: this.secrets.encrypt(secret),
      createdAt: this.clock.now(),
      createdBy: actor,
    } as WebhookEndpointEntity);
    await em.flush();
    return { endpoint: toEndpointView(endpoint), secret };
  }

  /** Refuses a URL whose host resolves (now) to an internal address; delivery checks again at each connection. */
  private async checkTarget(target: string): Promise<void> {
    if (this.allowInternal) return;
    const host = new URL(target).hostname;
    let addresses: string[];
    try {
      addresses = await resolveAll(host);
    } catch {
      throw badInput('url', `${host} does not resolve`);
    }
    const internal = addresses.find(isInternalAddress);
    if (internal)
      throw badInput('url', `url resolves to ${internal}, a loopback, private or link-local address`);
  }

  async list() {
    const rows = await this.em
      .fork()
      .find(WebhookEndpointEntity, { deletedAt: null }, { orderBy: { createdAt: 'asc' } });
    return rows.map(toEndpointView);
  }

  /** Stops deliveries to the endpoint; pending ones end FAILED ("endpoint deleted"). */
  async delete(id: string): Promise<boolean> {
    const updated = await this.em
      .fork()
      .nativeUpdate(WebhookEndpointEntity, { id, deletedAt: null }, { deletedAt: this.clock.now() });
    if (updated === 0) throw notFound('Webhook endpoint');
    return true;
  }

  async deliveries(endpointId: string, first: number): Promise<WebhookDeliveryView[]> {
    if (first < 1 || first > 200) throw badInput('first', 'first must be 1 to 200');
    const em = this.em.fork();
    if (!(await em.findOne(WebhookEndpointEntity, endpointId))) throw notFound('Webhook endpoint');
    const rows = await em.find(
      WebhookDeliveryEntity,
      { endpointId },
      { orderBy: { createdAt: 'desc' }, limit: first },
    );
    const attempts = rows.length
      ? await em.execute<
          {
            delivery_id: string;
            at: Date;
            status_code: number | null;
            error: string | null;
            duration_ms: number;
          }[]
        >(
          `select delivery_id, at, status_code, error, duration_ms from webhook_attempt where delivery_id in (${rows.map(() => '?').join(',')}) order by id`,
          rows.map((r) => r.id),
        )
      : [];
    const byDelivery = new Map<string, WebhookAttemptView[]>();
    for (const a of attempts) {
      const list = byDelivery.get(a.delivery_id) ?? [];
      list.push({ at: new Date(a.at), statusCode: a.status_code, error: a.error, durationMs: a.duration_ms });
      byDelivery.set(a.delivery_id, list);
    }
    return rows.map((d) => toDeliveryView(d, byDelivery.get(d.id) ?? []));
  }
}

function parseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw badInput('url', 'url is not a valid URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw badInput('url', 'url must be http or https');
  if (u.username || u.password) throw badInput('url', 'url must not carry credentials');
  if (u.toString().length > 2000) throw badInput('url', 'url is too long');
  return u.toString();
}
