import type { EntityManager } from '@mikro-orm/postgresql';
import { GatewayEntity } from '../../entities/gateway.entity.js';
import { KioskEntity } from '../../entities/kiosk.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { DEVICE_TOKEN_PREFIX, newSecret, sha256 } from '../../auth/secrets.js';
import type { Revocations } from '../../auth/revocations.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { recordAudit } from '../../db/audit-trail.js';

/** How long a rotated-out token keeps working unless the rotation says otherwise. */
export const DEFAULT_ROTATION_GRACE_SECONDS = 300;
const MAX_ROTATION_GRACE_SECONDS = 24 * 3600;

type Device = KioskEntity | GatewayEntity;

/**
 * A kiosk's or gateway's token after registration. Rotation issues a new token and keeps the
 * old one valid for a grace period (a gateway stays online while its new token is installed);
 * a grace of 0 revokes the old one at once. Revocation leaves the device with no valid token
 * until the next rotation, and closes its open connections on every instance.
 */
export class DeviceTokenService {
  constructor(
    private readonly em: EntityManager,
    private readonly revocations: Revocations,
  ) {}

  async rotate(
    deviceId: string,
    actor: AuditActor,
    graceSeconds = DEFAULT_ROTATION_GRACE_SECONDS,
  ): Promise<{ id: string; token: string; kind: 'kiosk' | 'gateway'; oldTokenValidUntil: Date | null }> {
    if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_ROTATION_GRACE_SECONDS)
      throw badInput('graceSeconds', `graceSeconds must be 0 to ${MAX_ROTATION_GRACE_SECONDS}`);
    const token = newSecret(DEVICE_TOKEN_PREFIX);
    const { device, kind } = await this.change(deviceId, actor, 'device.rotate-token', (d) => {
      // wall time, not the app's clock: the database's now() judges the grace on every request
      const until = new Date(Date.now() + graceSeconds * 1000);
      const keepOld = graceSeconds > 0 && d.tokenHash !== null;
      d.previousTokenHash = keepOld ? d.tokenHash : null;
      d.previousTokenUntil = keepOld ? until : null;
      d.tokenHash = sha256(token);
    });
    if (!device.previousTokenHash) this.revocations.announce({ kind, id: deviceId });
    return { id: deviceId, token, kind, oldTokenValidUntil: device.previousTokenUntil };
  }

  /** No token of the device works any more (a rotation issues a new one). */
  async revoke(deviceId: string, actor: AuditActor): Promise<{ id: string; kind: 'kiosk' | 'gateway' }> {
    const { kind } = await this.change(deviceId, actor, 'device.revoke-token', (d) => {
      d.tokenHash = null;
      d.previousTokenHash = null;
      d.previousTokenUntil = null;
    });
    this.revocations.announce({ kind, id: deviceId });
    return { id: deviceId, kind };
  }

  private async change(
    deviceId: string,
    actor: AuditActor,
    action: 'device.rotate-token' | 'device.revoke-token',
    apply: (d: Device) => void,
  ): Promise<{ device: Device; kind: 'kiosk' | 'gateway' }> {
    const em = this.em.fork();
    const populate = ['tokenHash', 'previousTokenHash'] as const;
    const device: Device | null =
      (await em.findOne(KioskEntity, deviceId, { populate })) ??
      (await em.findOne(GatewayEntity, deviceId, { populate }));
    if (!device) throw notFound('Device');
    apply(device);
    const kind = device instanceof KioskEntity ? 'kiosk' : 'gateway';
    const until = device.previousTokenUntil;
    await recordAudit(em, {
      actor,
      action,
      siteId: device.siteId,
      subjectType: kind,
      subjectId: device.id,
      summary:
        action === 'device.revoke-token'
          ? `Revoked the token of ${kind} ${device.name}`
          : `Rotated the token of ${kind} ${device.name}` +
            (until
              ? `; the old one works until ${until.toISOString().slice(0, 19)}Z`
              : '; the old one stopped'),
    });
    await em.flush(); // the token and its audit entry in one transaction
    return { device, kind };
  }
}
