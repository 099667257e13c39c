/** A small typed client for the simulator's control API (e2e specs, benchmark, CLI). */
import type { DoorView, SimFaults } from './sim-site.js';
import type { PulseRecord } from './sim-unit.js';
import type { DoorRecord } from './door-log.js';

export type DoorAction = 'open' | 'close' | 'force' | 'jam' | 'unjam';

/** Talks to a simulator's control API at `baseUrl`. */
export class SimControlClient {
  constructor(readonly baseUrl: string) {}

  /** Every door with its sensor, jam flag and coil. */
  doors(): Promise<DoorView[]> {
    return this.call('GET', '/doors');
  }

  /** Pulses started at or after `sinceMs` (epoch ms). */
  pulses(sinceMs = 0): Promise<PulseRecord[]> {
    return this.call('GET', `/pulses?since=${sinceMs}`);
  }

  /** Door changes with a sequence number above `afterSeq`, openings with the reads that saw them. */
  doorLog(afterSeq = 0): Promise<DoorRecord[]> {
    return this.call('GET', `/door-log?after=${afterSeq}`);
  }

  /** Acts on one door (unit id, door input). */
  door(unitId: number, input: number, action: DoorAction): Promise<DoorView> {
    return this.call('POST', `/doors/${unitId}/${input}/${action}`);
  }

  /** Switches faults; omitted fields keep their value. */
  faults(patch: Partial<SimFaults>): Promise<SimFaults> {
    return this.call('POST', '/faults', patch);
  }

  /** Closes every Modbus connection now. */
  drop(): Promise<unknown> {
    return this.call('POST', '/drop');
  }

  /** Power-cycles every board: nothing answers for `downMs`; relays drop unless `keepRelays`. */
  reboot(downMs: number, keepRelays = false): Promise<unknown> {
    return this.call('POST', '/reboot', { downMs, keepRelays });
  }

  /** Doors closed, no faults, empty pulse log. */
  reset(): Promise<unknown> {
    return this.call('POST', '/reset');
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    const json = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`simulator ${method} ${path}: ${json.error ?? res.status}`);
    return json;
  }
}
