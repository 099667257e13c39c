// The operators' view of a site cut off from the server: offline-autonomous, with the count
// of offline events still waiting to reach the server.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GatewayList } from './gateway-list';
import type { BoardSite } from './use-live-board';

const gw = (over: Partial<BoardSite['gateways'][number]>): BoardSite['gateways'][number] => ({
  id: 'g1',
  name: 'Hall gateway',
  online: true,
  lastSeenAt: '2026-12-05T10:00:00Z',
  mode: 'ONLINE',
  offlineEventsWaiting: 0,
  ...over,
});

describe('gateway list', () => {
  it('shows a site running on its own while cut off, and what it still has to sync', () => {
    const { rerender } = render(
      <GatewayList gateways={[gw({ online: false, mode: 'OFFLINE_AUTONOMOUS' })]} timeZone="UTC" />,
    );
    const row = screen.getByTestId('gateway-status');
    expect(row.dataset.mode).toBe('OFFLINE_AUTONOMOUS');
    expect(row.textContent).toContain('Offline, site running on its own');
    rerender(<GatewayList gateways={[gw({ offlineEventsWaiting: 7 })]} timeZone="UTC" />);
    expect(screen.getByTestId('gateway-waiting').textContent).toContain('syncing: 7 offline events waiting');
    rerender(<GatewayList gateways={[gw({})]} timeZone="UTC" />);
    expect(screen.queryByTestId('gateway-waiting')).toBeNull();
    expect(screen.getByTestId('gateway-status').textContent).toContain('Online');
  });

  it('a gateway without the site path is plainly offline', () => {
    render(<GatewayList gateways={[gw({ online: false, mode: 'OFFLINE' })]} timeZone="UTC" />);
    expect(screen.getByTestId('gateway-status').textContent).toContain('Hall gateway: Offline');
  });
});
