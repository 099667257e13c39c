import type { EntityManager } from '@mikro-orm/postgresql';

/** A kiosk's `lastSeenAt` is written at most this often per kiosk and instance. */
export const KIOSK_SEEN_WRITE_MS = 60_000;

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
  ) {}

  seen(kioskId: string, now = Date.now()): void {
    const last = this.written.get(kioskId);
    if (last !== undefined && now - last < this.intervalMs) return;
    if (this.written.size >= 10_000) this.written.clear();
    this.written.set(kioskId, now);
    this.em
      .getConnection()
      .execute('update kiosk set last_seen_at = ? where id = ?', [new Date(now), kioskId])
      .catch((e: unknown) => {
        this.written.delete(kioskId);
        this.onError(e);
      });
  }
}
