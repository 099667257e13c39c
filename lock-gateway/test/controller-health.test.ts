/**
 * Controller health and gateway presence, against the real server and the simulator's
 * faults: a controller that cannot be read shows UNKNOWN doors and an alert within 10 s,
 * deposits and remote opens that need it are refused at once, and everything recovers on
 * its own; a gateway that stops is offline within seconds, not half a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Gateway } from '../src/gateway/gateway.js';
import { GraphQLRequestError } from '../src/link/graphql-http.js';
import { silentLogger } from '../src/logging/logger.js';
import { waitFor } from './support/fixtures.js';
import { adminToken, depositScan, gatewayConfigFor, gql, startSystem, type Stack } from './support/system.js';

describe('controller health', () => {
  let stack: Stack;
  let gateway: Gateway;
  let admin: string;

  beforeAll(async () => {
    stack = await startSystem({ TIMER_INTERVAL_MS: '200' });
    gateway = new Gateway(
      gatewayConfigFor(stack, { GATEWAY_UNKNOWN_AFTER_MS: '2000', GATEWAY_HEARTBEAT_MS: '1000' }),
      silentLogger(),
    );
    gateway.start();
    admin = await adminToken(stack);
    await waitFor(
      () => gateway.linkState.kind === 'connected' && gateway.currentSetup !== null,
      'gateway online',
      15_000,
    );
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await stack?.stop();
  });

  const sim = (): NonNullable<Stack['sim']> => stack.sim!;
  type Board = {
    banks: Array<{
      label: string;
      gateway: { online: boolean } | null;
      controller: { state: string; error: string | null } | null;
    }>;
    compartments: Array<{ id: string; doorState: string }>;
  };
  const board = async (): Promise<Board> =>
    (
      await gql<{ site: Board }>(
        stack,
        admin,
        'query($id: ID!) { site(id: $id) { banks { label gateway { online } controller { state since lastGoodReadAt error } } compartments { id doorState } } }',
        { id: stack.seed.siteId },
      )
    ).site;
  const alerts = async (type: string): Promise<number> =>
    (
      await gql<{ alerts: Array<{ type: string }> }>(
        stack,
        admin,
        'query($s: ID) { alerts(siteId: $s) { type } }',
        { s: stack.seed.siteId },
      )
    ).alerts.filter((a) => a.type === type).length;
  const scanRefusal = (): Promise<GraphQLRequestError> =>
    depositScan(stack).then(
      (scan) => {
        throw new Error(`the deposit scan was not refused: ${scan.outcome}`);
      },
      (e: unknown) => {
        if (!(e instanceof GraphQLRequestError)) throw e;
        return e;
      },
    );
  const remoteOpen = (compartmentId: string): Promise<unknown> =>
    gql(
      stack,
      admin,
      'mutation($c: ID!) { operatorOpenCompartment(compartmentId: $c, reason: "test") { id } }',
      { c: compartmentId },
    );

  it('starts healthy: every bank UP, doors read', async () => {
    await waitFor(
      async () => (await board()).banks.every((b) => b.controller?.state === 'UP' && b.gateway?.online),
      'controllers up',
      10_000,
    );
    expect((await board()).compartments.every((c) => c.doorState === 'CLOSED')).toBe(true);
  });

  for (const fault of ['silent', 'refuseConnections'] as const) {
    it(`controller ${fault}: doors UNKNOWN and an alert within 10 s, scans and remote opens refused at once, recovery on its own`, async () => {
      const alertsBefore = await alerts('CONTROLLER_UNREACHABLE');
      const started = Date.now();
      sim().site.setFaults({ [fault]: true });
      if (fault === 'refuseConnections') sim().site.dropConnections();
      try {
        await waitFor(
          async () => (await board()).compartments.every((c) => c.doorState === 'UNKNOWN'),
          'doors UNKNOWN',
          10_000,
        );
        await waitFor(
          async () => (await alerts('CONTROLLER_UNREACHABLE')) > alertsBefore,
          'alert',
          10_000 - (Date.now() - started),
        );
        expect(Date.now() - started).toBeLessThan(10_000);
        expect((await board()).banks.every((b) => b.controller?.state === 'DOWN' && b.controller.error)).toBe(
          true,
        );

        // free compartments behind a dead controller: "out of touch", not "full", and at once
        const t0 = Date.now();
        const scan = await scanRefusal();
        expect(Date.now() - t0).toBeLessThan(1000);
        expect(scan.code).toBe('LOCK_UNAVAILABLE');
        const target = gateway.currentSetup!.compartments[0]!.compartmentId;
        const refused = await remoteOpen(target).then(
          () => null,
          (e: unknown) => e,
        );
        expect(refused).toBeInstanceOf(GraphQLRequestError);
        expect((refused as GraphQLRequestError).code).toBe('LOCK_UNAVAILABLE');
      } finally {
        sim().site.setFaults({ [fault]: false });
      }
      await waitFor(
        async () => (await board()).compartments.every((c) => c.doorState !== 'UNKNOWN'),
        'doors read again',
        15_000,
      );
      await waitFor(
        async () => (await board()).banks.every((b) => b.controller?.state === 'UP'),
        'controllers up again',
        10_000,
      );
      const again = await depositScan(stack);
      expect(again.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
    }, 60_000);
  }

  it('a gateway that stops is offline within seconds: doors UNKNOWN, scans refused; back when it returns', async () => {
    await gateway.stop();
    const stopped = Date.now();
    await waitFor(
      async () => (await board()).banks.every((b) => b.gateway?.online === false),
      'offline',
      15_000,
    );
    expect(Date.now() - stopped).toBeLessThan(12_000);
    await waitFor(
      async () => (await board()).compartments.every((c) => c.doorState === 'UNKNOWN'),
      'doors UNKNOWN',
      5000,
    );
    expect((await scanRefusal()).code).toBe('LOCK_UNAVAILABLE');
    gateway = new Gateway(gatewayConfigFor(stack, { GATEWAY_HEARTBEAT_MS: '1000' }), silentLogger());
    gateway.start();
    await waitFor(
      async () => (await board()).banks.every((b) => b.gateway?.online && b.controller?.state === 'UP'),
      'back online',
      15_000,
    );
    await waitFor(
      async () => (await board()).compartments.every((c) => c.doorState !== 'UNKNOWN'),
      'doors read again',
      10_000,
    );
  }, 60_000);
});
