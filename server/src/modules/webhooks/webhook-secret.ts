import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Endpoint secrets must be usable by the server (it signs every delivery with them), so a hash
 * would not do: they are encrypted with AES-256-GCM under a key derived from AUTH_SECRET.
 * A database dump alone does not reveal them; rotating AUTH_SECRET means re-creating endpoints.
 */
export class WebhookSecrets {
  private readonly key: Buffer;

  constructor(authSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', authSecret, 'lockers', 'webhook-endpoint-secret', 32));
  }

  /** A new secret, shown to the ADMIN once. */
  static generate(): string {
    return `whsec_${randomBytes(32).toString('base64url')}`;
  }

  encrypt(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, data] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unreadable webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/**
 * The signature a receiver checks: HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's
 * secret, hex. Sent as `X-Lockers-Signature: t=<timestamp>,v1=<hex>` with `X-Lockers-Timestamp`
 * (unix seconds), so a receiver can refuse replays of old deliveries.
 */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}
