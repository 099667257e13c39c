import type { EntityManager } from '@mikro-orm/postgresql';

/** A kiosk's `lastSeenAt` is written at most this often per kiosk and instance. */
export const KIOSK_SEEN_WRITE_MS = 60_000;
/** A kiosk not heard from for this long is quiet (KIOSK_QUIET): three missed writes. */
export const KIOSK_QUIET_MS = 3 * KIOSK_SEEN_WRITE_MS;
const VERSION = /^[0-9A-Za-z.+_-]{1,32}$/;

/**
 * Records when each kiosk last called the API. Kiosks poll every few seconds, so the write
 * is throttled per kiosk and never awaited by the request: a slow or failed write costs the
 * kiosk nothing, and the next call after the throttle tries again.
 */
export class KioskSightings {
  private readonly written = new Map<string, number>();

  constructor(
    private readonly em: EntityManager,
    private readonly intervalMs = KIOSK_SEEN_WRITE_MS,
    private readonly onError: (e: unknown) => void = () => {},
    /** The server's clock: the quiet-kiosk rule compares last seen with it. */
    private readonly clock: () => number = Date.now,
  ) {}

  /** `version`: the app's x-client-version header; kept only when it looks like a version. */
  seen(kioskId: string, version?: string | null, now = this.clock()): void {
    const last = this.written.get(kioskId);
    if (last !== undefined && now - last < this.intervalMs) return;
    if (this.written.size >= 10_000) this.written.clear();
    this.written.set(kioskId, now);
    const appVersion = version && VERSION.test(version) ? version : null;
    this.em
      .getConnection()
      .execute('update kiosk set last_seen_at = ?, app_version = coalesce(?, app_version) where id = ?', [
        new Date(now),
        appVersion,
        kioskId,
      ])
      .catch((e: unknown) => {
        this.written.delete(kioskId);
        this.onError(e);
      });
  }
}
