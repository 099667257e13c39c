/** The connection and link state machines: the tables code moves through, and their guard. */
import { describe, expect, it } from 'vitest';
import { LINK_TRANSITIONS, type LinkState } from '../src/link/link-state.js';
import { CONNECTION_TRANSITIONS, type ConnectionState } from '../src/modbus/connection-state.js';
import { checkTransition } from '../src/shared/state-machine.js';

const conn = (from: ConnectionState, to: ConnectionState): ConnectionState =>
  checkTransition('c', CONNECTION_TRANSITIONS, from, to);
const link = (from: LinkState, to: LinkState): LinkState => checkTransition('l', LINK_TRANSITIONS, from, to);

describe('state machines', () => {
  it('a controller connection reconnects through backoff and never leaves closed', () => {
    const connecting = conn({ kind: 'idle' }, { kind: 'connecting', attempt: 1, since: 0 });
    const connected = conn(connecting, { kind: 'connected', since: 0 });
    const backoff = conn(connected, { kind: 'backoff', attempt: 1, retryAt: 0, error: 'x' });
    expect(() => conn(backoff, { kind: 'connected', since: 0 })).toThrow(/backoff -> connected/);
    const closed = conn(backoff, { kind: 'closed' });
    expect(() => conn(closed, { kind: 'connecting', attempt: 1, since: 0 })).toThrow(/illegal/);
  });

  it('the server link is only "connected" after "connecting", and can always stop', () => {
    expect(() =>
      link({ kind: 'backoff', attempt: 2, retryAt: 0, error: 'x' }, { kind: 'connected', since: 0 }),
    ).toThrow();
    expect(link({ kind: 'connecting', attempt: 1, since: 0 }, { kind: 'connected', since: 0 }).kind).toBe(
      'connected',
    );
    expect(LINK_TRANSITIONS.stopped).toEqual([]);
    for (const kind of Object.keys(LINK_TRANSITIONS) as LinkState['kind'][]) {
      if (kind !== 'stopped') expect(LINK_TRANSITIONS[kind]).toContain('stopped');
    }
  });
});
