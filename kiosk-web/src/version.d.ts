/** The kiosk app's version (package.json), set at build time by vite.config.ts. */
declare const __KIOSK_VERSION__: string;
