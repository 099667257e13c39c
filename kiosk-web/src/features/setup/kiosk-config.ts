/** What an operator enters once per kiosk; kept in this device's localStorage only. */
export interface KioskConfig {
  token: string;
  siteId: string;
  /** Seconds without a touch before the kiosk returns to its start screen. */
  idleSeconds: number;
}

const KEY = 'lockers.kiosk.config';
export const DEFAULT_IDLE_SECONDS = 60;

/** The saved configuration, or null when the kiosk has not been set up (or the value is damaged). */
export function loadKioskConfig(storage: Storage = localStorage): KioskConfig | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<KioskConfig>;
    if (typeof value.token !== 'string' || !value.token || typeof value.siteId !== 'string' || !value.siteId)
      return null;
    const idle =
      typeof value.idleSeconds === 'number' && value.idleSeconds >= 10
        ? value.idleSeconds
        : DEFAULT_IDLE_SECONDS;
    return { token: value.token, siteId: value.siteId, idleSeconds: idle };
  } catch {
    return null;
  }
}

/** Stores the configuration for the next start. */
export function saveKioskConfig(config: KioskConfig, storage: Storage = localStorage): void {
  storage.setItem(KEY, JSON.stringify(config));
}
