// One sign-in for every tab of the admin app in this browser. The token stays in each tab's
// sessionStorage (it still ends with the browser session), and tabs tell each other over a
// BroadcastChannel (same origin only): a sign-in in one tab signs the others in, a sign-out
// or an ended sign-in signs them all out, and a new tab asks the open ones for the token.

/** What tabs say to each other. */
export type TabMessage =
  | { type: 'signed-in'; token: string }
  | { type: 'signed-out'; expired: boolean }
  | { type: 'who-is-signed-in' };

const CHANNEL = 'lockers.admin.auth';

/** How long a new tab waits for an open one to answer before showing the sign-in form. */
export const ASK_TIMEOUT_MS = 300;

export interface TabSync {
  post(message: TabMessage): void;
  close(): void;
}

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return (
    (m.type === 'signed-in' && typeof m.token === 'string' && m.token.length > 0) ||
    (m.type === 'signed-out' && typeof m.expired === 'boolean') ||
    m.type === 'who-is-signed-in'
  );
}

/** Joins the tabs' channel; null where the browser has no BroadcastChannel. */
export function joinTabs(onMessage: (message: TabMessage) => void): TabSync | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent) => {
    if (isTabMessage(e.data)) onMessage(e.data);
  };
  return {
    post: (message) => channel.postMessage(message),
    close: () => channel.close(),
  };
}
