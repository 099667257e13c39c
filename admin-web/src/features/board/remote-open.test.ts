import { describe, expect, it } from 'vitest';
import { remoteOpenBlocker } from './remote-open';

const site = (online: boolean, state = 'UP', gateway: { id: string } | null = { id: 'g1' }) => ({
  banks: [{ id: 'b1', gateway, controller: { state } }],
  gateways: [{ id: 'g1', name: 'Main gateway', online }],
});

describe('remote open is offered only when the lock can be driven', () => {
  it('an online gateway with its controller up: offered', () => {
    expect(remoteOpenBlocker(site(true), 'b1')).toBeNull();
    // not yet reported: the server decides
    expect(remoteOpenBlocker(site(true, 'UNKNOWN'), 'b1')).toBeNull();
  });
  it('an offline gateway, a controller down, no gateway: each says why', () => {
    expect(remoteOpenBlocker(site(false), 'b1')).toBe(
      'Remote open is unavailable: gateway Main gateway is offline.',
    );
    expect(remoteOpenBlocker(site(true, 'DOWN'), 'b1')).toMatch(/cannot read this bank’s lock controller/);
    expect(remoteOpenBlocker(site(true, 'UP', null), 'b1')).toMatch(/no gateway/);
  });
});
