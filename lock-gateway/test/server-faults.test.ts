/**
 * The server failing unexpectedly (INTERNAL_SERVER_ERROR, e.g. a database deadlock) or
 * asking for a call later (RATE_LIMITED) must not lose an ack or a door change: both are
 * idempotent and retried; a refusal with a definite code (e.g. NOT_FOUND) is not retried.
 */
import { expect, it } from 'vitest';
import { AckOutbox } from '../src/commands/ack-outbox.js';
import { DoorReporter } from '../src/doors/door-reporter.js';
import type { CommandResult, DoorReport } from '../src/link/api.types.js';
import { GraphQLRequestError } from '../src/link/graphql-http.js';
import { silentLogger } from '../src/logging/logger.js';
import { RecordingApi, waitFor } from './support/fixtures.js';

class FlakyApi extends RecordingApi {
  failures: string[] = [];
  calls = 0;
  override async ackCommand(commandId: string, result: CommandResult, error: string | null): Promise<void> {
    this.calls++;
    const code = this.failures.shift();
    if (code) throw new GraphQLRequestError('boom', code);
    return super.ackCommand(commandId, result, error);
  }
  override async reportDoorStates(reports: DoorReport[]): Promise<void> {
    this.calls++;
    const code = this.failures.shift();
    if (code) throw new GraphQLRequestError('boom', code);
    return super.reportDoorStates(reports);
  }
}

it('retries an ack the server failed on unexpectedly, but not one it refused', async () => {
  const api = new FlakyApi();
  const outbox = new AckOutbox(api, silentLogger());
  api.failures = ['INTERNAL_SERVER_ERROR', 'INTERNAL_SERVER_ERROR'];
  await outbox.ack('c1', 'SUCCEEDED', null);
  expect(api.acks).toEqual([{ commandId: 'c1', result: 'SUCCEEDED', error: null }]);
  expect(api.calls).toBe(3);

  api.failures = ['NOT_FOUND'];
  await outbox.ack('c2', 'SUCCEEDED', null);
  expect(api.acks).toHaveLength(1);
  expect(api.calls).toBe(4);
  await outbox.stop();
});

it('retries a door batch the server failed on unexpectedly', async () => {
  const api = new FlakyApi();
  const reporter = new DoorReporter(api, { snapshot: () => [], controllers: () => [] }, silentLogger());
  reporter.linkUp();
  api.failures = ['INTERNAL_SERVER_ERROR'];
  reporter.enqueue([{ compartmentId: 'a', state: 'OPEN', at: new Date().toISOString() }]);
  await waitFor(() => api.reports.length === 1, 'report delivered after a retry', 3000);
  expect(api.reports[0]).toEqual([expect.objectContaining({ compartmentId: 'a', state: 'OPEN' })]);
  reporter.stop();
});

it('keeps a door batch the server turned away as RATE_LIMITED and sends it again, never drops it', async () => {
  const api = new FlakyApi();
  const reporter = new DoorReporter(api, { snapshot: () => [], controllers: () => [] }, silentLogger());
  reporter.linkUp();
  // the whole batch and then the change alone turned away: before, the change was dropped as refused
  api.failures = ['RATE_LIMITED', 'RATE_LIMITED'];
  reporter.enqueue([{ compartmentId: 'a', state: 'OPEN', at: new Date().toISOString() }]);
  await waitFor(() => api.reports.length === 1, 'report delivered once the server takes it', 5000);
  expect(api.reports[0]).toEqual([expect.objectContaining({ compartmentId: 'a', state: 'OPEN' })]);
  reporter.stop();
});
