// The lock path through the whole system, no browser: a kiosk scan over GraphQL makes the
// server command the gateway, the gateway pulses the coil over Modbus TCP, the simulated
// door springs open, a person closes it, and the session is STORED.
import { expect, test } from '@playwright/test';
import { harnessEnvSync, type HarnessEnv } from '../src/env.js';

let env: HarnessEnv;

test.beforeAll(() => {
  env = harnessEnvSync();
});

async function gql<T>(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(env.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  if (body.errors?.length)
    throw new Error(body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '));
  return body.data as T;
}

async function sim<T>(method: 'GET' | 'POST', path: string): Promise<T> {
  const res = await fetch(new URL(path, env.simControlUrl), { method });
  expect(res.ok, `simulator ${method} ${path}`).toBe(true);
  return (await res.json()) as T;
}

interface Pulse {
  unitId: number;
  coil: number;
  startedAt: number;
  durationMs: number | null;
}

test('kiosk scan -> coil pulse on the simulator -> door opens -> closes -> session STORED', async () => {
  const { gatewayConfig } = await gql<{
    gatewayConfig: {
      pulseMs: number;
      compartments: Array<{
        compartmentId: string;
        label: string;
        modbus: { unitId: number; coil: number; doorInput: number };
      }>;
    };
  }>(
    env.gatewayToken,
    'query { gatewayConfig { pulseMs compartments { compartmentId label modbus { unitId coil doorInput } } } }',
  );
  expect(gatewayConfig.compartments).toHaveLength(24);

  const { issueAccessCode } = await gql<{
    issueAccessCode: { session: { id: string }; code: { payload: string } };
  }>(
    env.kioskToken,
    'mutation($siteId: ID!) { issueAccessCode(siteId: $siteId, size: SMALL) { session { id } code { payload } } }',
    { siteId: env.siteId },
  );
  const since = Date.now();
  const { scanAccessCode } = await gql<{
    scanAccessCode: { outcome: string; compartment: { id: string; label: string } | null };
  }>(
    env.kioskToken,
    'mutation($siteId: ID!, $payload: String!) { scanAccessCode(siteId: $siteId, payload: $payload) { outcome compartment { id label } } }',
    { siteId: env.siteId, payload: issueAccessCode.code.payload },
  );
  expect(scanAccessCode.outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  const target = gatewayConfig.compartments.find((c) => c.compartmentId === scanAccessCode.compartment?.id);
  expect(target, 'the allocated compartment is one the gateway drives').toBeTruthy();
  const { unitId, coil, doorInput } = target!.modbus;

  // the simulator saw exactly one pulse on that coil, about pulseMs long
  await expect
    .poll(
      async () =>
        (await sim<Pulse[]>('GET', `/pulses?since=${since}`)).filter(
          (p) => p.unitId === unitId && p.coil === coil && p.durationMs !== null,
        ).length,
      { timeout: 10_000 },
    )
    .toBe(1);
  const [pulse] = (await sim<Pulse[]>('GET', `/pulses?since=${since}`)).filter(
    (p) => p.unitId === unitId && p.coil === coil,
  );
  expect(pulse!.durationMs!).toBeGreaterThan(gatewayConfig.pulseMs * 0.8);
  expect(pulse!.durationMs!).toBeLessThan(gatewayConfig.pulseMs * 1.2);

  // the latch released: the door sprang open
  const doors = await sim<Array<{ unitId: number; input: number; open: boolean }>>('GET', '/doors');
  expect(doors.find((d) => d.unitId === unitId && d.input === doorInput)?.open).toBe(true);

  // the server heard the door open before we close it (it must see OPENED then CLOSED)
  const admin = await gql<{ login: { token: string } }>(
    null,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    {
      e: env.adminEmail,
      p: env.adminPassword,
    },
  );
  const doorState = async (): Promise<string | undefined> =>
    (
      await gql<{ site: { compartments: Array<{ id: string; doorState: string }> } }>(
        admin.login.token,
        'query($id: ID!) { site(id: $id) { compartments { id doorState } } }',
        { id: env.siteId },
      )
    ).site.compartments.find((c) => c.id === target!.compartmentId)?.doorState;
  await expect.poll(doorState, { timeout: 10_000 }).toBe('OPEN');

  await sim('POST', `/doors/${unitId}/${doorInput}/close`);
  const status = async (): Promise<string | undefined> =>
    (
      await gql<{ session: { status: string } | null }>(
        admin.login.token,
        'query($id: ID!) { session(id: $id) { status } }',
        { id: issueAccessCode.session.id },
      )
    ).session?.status;
  await expect.poll(status, { timeout: 10_000 }).toBe('STORED');
});
