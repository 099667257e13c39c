/**
 * Polls door sensors: per controller a loop reading one block per unit every interval,
 * turning bits into OPEN/CLOSED and passing on only changes, timestamped when read.
 * A controller silent for `unknownAfterMs` turns its doors UNKNOWN (the server keeps each
 * door's last real reading apart, so UNKNOWN -> the same state is no change and UNKNOWN ->
 * the other state is the change it is). Each controller's link (up since, last good read)
 * is kept for the gateway's presence.
 */
import type { Logger } from 'pino';
import type { BoardPool } from '../gateway/board-pool.js';
import type { ControllerLink, DoorReport, DoorState, GatewayCompartment } from '../link/api.types.js';
import { sleep } from '../locks/lock-pulser.js';
import { readDoorInputs } from '../boards/door-inputs.js';
import { doorBlocks, type DoorBlock } from './door-blocks.js';

/** Options of the poller. */
export interface DoorPollerOptions {
  pool: BoardPool;
  intervalMs: number;
  unknownAfterMs: number;
  log: Logger;
  /** Receives the changes of one poll of one controller (never empty). */
  onChanges: (changes: DoorReport[]) => void;
}

/** The door-sensor poller. */
export class DoorPoller {
  private readonly known = new Map<string, DoorReport>();
  /** When each door's state was last confirmed by a read. */
  private readonly lastRead = new Map<string, string>();
  private blocks = new Map<string, DoorBlock[]>();
  private readonly loops = new Map<string, Promise<void>>();
  /** Each controller's link as the reads find it (reported to the server as presence). */
  private readonly links = new Map<string, ControllerLink>();
  /** Controllers whose run of good reads was broken by a failure too short to call them down. */
  private readonly broken = new Set<string>();
  private stopped = false;

  constructor(private readonly options: DoorPollerOptions) {}

  /** Sets (or replaces) the compartments to watch and starts a loop per new controller. */
  setCompartments(compartments: GatewayCompartment[]): void {
    this.blocks = doorBlocks(compartments);
    const ids = new Set(compartments.map((c) => c.compartmentId));
    for (const id of this.known.keys()) if (!ids.has(id)) this.known.delete(id);
    for (const id of this.lastRead.keys()) if (!ids.has(id)) this.lastRead.delete(id);
    for (const endpoint of this.blocks.keys()) {
      if (!this.loops.has(endpoint)) this.loops.set(endpoint, this.loop(endpoint));
    }
  }

  /**
   * Every door's state as of its latest read (for the full report after a reconnect). The
   * time is that of the last read that confirmed it, not of the change: the server orders
   * reports by time and refuses times far from its clock.
   */
  snapshot(): DoorReport[] {
    const now = new Date().toISOString();
    return [...this.known.values()].map((r) => ({
      ...r,
      at: r.state === 'UNKNOWN' ? now : (this.lastRead.get(r.compartmentId) ?? r.at),
    }));
  }

  /** One door's state as of its latest read (undefined when never read). */
  stateOf(compartmentId: string): DoorReport['state'] | undefined {
    return this.known.get(compartmentId)?.state;
  }

  /**
   * Each controller's link. `lastGoodReadAt` of a round is set only after that round's
   * changes were handed on, so whoever reads it has every change read up to then.
   */
  controllers(): ControllerLink[] {
    return [...this.links.values()].filter((l) => this.blocks.has(l.endpoint)).map((l) => ({ ...l }));
  }

  /** Stops every loop after its current read. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.loops.values()]);
  }

  private async loop(endpoint: string): Promise<void> {
    const board = this.options.pool.get(endpoint);
    let lastOk = Date.now();
    while (!this.stopped) {
      const started = Date.now();
      const blocks = this.blocks.get(endpoint);
      if (!blocks) break; // the controller left the config
      const changes: DoorReport[] = [];
      let failed: string | null = null;
      let roundAt: string | null = null;
      for (const block of blocks) {
        try {
          const { open } = await readDoorInputs(
            board,
            this.options.pool.profile(endpoint, block.unitId),
            block.unitId,
            block.start,
            block.count,
          );
          const at = new Date().toISOString();
          roundAt ??= at;
          for (const door of block.doors) {
            this.lastRead.set(door.compartmentId, at);
            this.note(door.compartmentId, open[door.input - block.start] ? 'OPEN' : 'CLOSED', at, changes);
          }
        } catch (error) {
          // The board layer logs the fault at warn with its cause (once per cause).
          failed = (error as Error).message;
          this.options.log.debug(
            { endpoint, unitId: block.unitId, error: (error as Error).message },
            'door read failed',
          );
        }
      }
      if (failed === null) lastOk = Date.now();
      else if (this.options.unknownAfterMs > 0 && Date.now() - lastOk >= this.options.unknownAfterMs) {
        const at = new Date().toISOString();
        for (const block of blocks)
          for (const door of block.doors) this.note(door.compartmentId, 'UNKNOWN', at, changes);
      }
      if (changes.length > 0) this.options.onChanges(changes);
      this.noteLink(endpoint, failed, roundAt, Date.now() - lastOk);
      await sleep(this.options.intervalMs - (Date.now() - started));
    }
    this.loops.delete(endpoint);
  }

  /**
   * A round with a failed read breaks the run of good reads (a door may have moved unseen):
   * the next good read starts a new `since`. The link is called down only once reads have
   * failed for as long as doors take to become UNKNOWN (a blip, or the first connect at
   * start, is not an outage worth an alert).
   */
  private noteLink(
    endpoint: string,
    failed: string | null,
    roundAt: string | null,
    failingForMs: number,
  ): void {
    const prev = this.links.get(endpoint);
    const downAfterMs = this.options.unknownAfterMs > 0 ? this.options.unknownAfterMs : 2000;
    if (failed === null && roundAt !== null) {
      const since = prev?.up && !this.broken.has(endpoint) ? prev.since : roundAt;
      this.broken.delete(endpoint);
      this.links.set(endpoint, { endpoint, up: true, since, lastGoodReadAt: roundAt, error: null });
    } else if (failed !== null && failingForMs < downAfterMs) {
      this.broken.add(endpoint);
    } else if (failed !== null) {
      const since = prev && !prev.up ? prev.since : new Date().toISOString();
      this.links.set(endpoint, {
        endpoint,
        up: false,
        since,
        lastGoodReadAt: prev?.lastGoodReadAt ?? null,
        error: failed.slice(0, 500),
      });
    }
  }

  private note(compartmentId: string, state: DoorState, at: string, changes: DoorReport[]): void {
    const prev = this.known.get(compartmentId);
    if (prev?.state === state) return;
    const report = { compartmentId, state, at };
    this.known.set(compartmentId, report);
    changes.push(report);
  }
}
