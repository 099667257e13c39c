import type { EventBus } from '../events/event-bus.js';
import type { Caller } from './caller.js';

/**
 * A credential that stopped being valid: an API key, a device's token, or a person's account.
 * With `rightsChanged` it is still valid but its rights changed (a person's sites): caches
 * drop it the same, and its connections close so that they reconnect with the new rights.
 */
export type RevokedCredential = {
  kind: 'apiKey' | 'kiosk' | 'gateway' | 'user';
  id: string;
  rightsChanged?: boolean;
};

/**
 * Revocations reach every instance over the event bus (Redis when configured): each drops its
 * cached credentials and closes the WebSocket connections opened with the revoked one.
 * Published after the revocation is committed.
 */
export class Revocations {
  /** `onAnnounce` runs on the revoking instance before the bus delivers, so its next request already refuses. */
  constructor(
    private readonly bus: EventBus,
    private readonly onAnnounce: (credential: RevokedCredential) => void = () => {},
  ) {}

  announce(credential: RevokedCredential): void {
    this.onAnnounce(credential);
    this.bus.publish('CREDENTIAL_REVOKED', '*', credential);
  }

  /** Calls `onRevoked` for every revocation, whichever instance made it; returns the function that stops. */
  listen(onRevoked: (credential: RevokedCredential) => void): () => void {
    return this.bus.listen('CREDENTIAL_REVOKED', '*', { event: onRevoked, end: () => {} });
  }
}

/** Whether a caller acts with the revoked credential. */
export function usesCredential(caller: Caller, credential: RevokedCredential): boolean {
  switch (caller.kind) {
    case 'apiKey':
      return credential.kind === 'apiKey' && caller.keyId === credential.id;
    case 'kiosk':
      return credential.kind === 'kiosk' && caller.kioskId === credential.id;
    case 'gateway':
      return credential.kind === 'gateway' && caller.gatewayId === credential.id;
    case 'user':
      return credential.kind === 'user' && caller.userId === credential.id;
    case 'anonymous':
      return false;
  }
}

// Declares the topic on the event bus; see `TopicRegistry` for why it lives here.
declare module '../events/event-bus.js' {
  interface TopicRegistry {
    /** Internal: a credential was revoked; every instance closes its connections (key "*"). */
    CREDENTIAL_REVOKED: [key: string, payload: RevokedCredential];
  }
}
