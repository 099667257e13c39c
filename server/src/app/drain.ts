import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from '../observability/logger.js';

/**
 * The graceful stop of one instance behind a balancer. On `start`: /readyz answers 503 at
 * once so the balancer takes the instance out; during the grace period everything is still
 * served (the balancer has not noticed yet); then the listener closes, requests that still
 * arrive on kept-alive connections get 503 with `connection: close`, and the stop waits for
 * the requests in flight.
 */
export class Drain {
  private draining = false;
  private refusing = false;
  private inFlight = 0;
  private idle: (() => void) | null = null;

  constructor(
    private readonly server: Server,
    private readonly logger: Logger,
  ) {}

  get isDraining(): boolean {
    return this.draining;
  }

  /** Wraps the request handler: counts requests in flight, refuses new ones once refusing. */
  track(req: IncomingMessage, res: ServerResponse): boolean {
    if (this.draining) res.setHeader('connection', 'close');
    if (this.refusing) {
      res
        .writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' })
        .end('{"error":"shutting down"}');
      return false;
    }
    this.inFlight++;
    res.once('close', () => {
      this.inFlight--;
      if (this.inFlight === 0) this.idle?.();
    });
    return true;
  }

  /** Marks the instance not ready, waits the grace period, stops taking work, waits for what is in flight. */
  async start(graceMs: number, closeSockets: () => Promise<void>): Promise<void> {
    this.draining = true;
    await new Promise((r) => setTimeout(r, graceMs));
    this.refusing = true;
    this.server.close();
    this.server.closeIdleConnections();
    await closeSockets();
    if (this.inFlight > 0) {
      this.logger.info({ inFlight: this.inFlight }, 'waiting for requests in flight');
      await new Promise<void>((r) => (this.idle = r));
    }
  }
}
