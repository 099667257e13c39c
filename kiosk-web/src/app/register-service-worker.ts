import { registerSW } from 'virtual:pwa-register';
import { offerUpdate } from './app-update';

/** How often a kiosk asks the server whether a new release is out (it never navigates by itself). */
const UPDATE_CHECK_MS = 15 * 60_000;

/**
 * Registers the kiosk's service worker (built by vite-plugin-pwa, see vite.config.ts). A new
 * release is downloaded in the background and waits; `useUpdateWhenAtRest` lets it take over.
 */
export function registerServiceWorker(): void {
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => offerUpdate(() => updateSW(true)),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      // Offline the check fails; the next one tries again.
      setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });
}
