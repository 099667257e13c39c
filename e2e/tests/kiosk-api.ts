/**
 * The kiosk tests' hands outside the browser: GraphQL with the kiosk or an admin token, and the
 * simulator's door control (opening, closing, waiting for the unlock pulse).
 */
import { expect } from '@playwright/test';
import { type KioskStack } from './kiosk-support';

/** Seed layout: bank A is Modbus unit 1, bank B unit 2; door input = number - 1 (A01 -> 0). */
export function doorOf(label: string): { unit: number; input: number } {
  const m = /^([A-Z])(\d+)$/.exec(label);
  if (!m) throw new Error(`unexpected compartment label ${label}`);
  return { unit: m[1]!.charCodeAt(0) - 64, input: Number(m[2]) - 1 };
}

/** Opens or closes a door on the simulated relay board, as a person at the locker would. */
export async function door(stack: KioskStack, label: string, action: 'open' | 'close'): Promise<void> {
  const { unit, input } = doorOf(label);
  const res = await fetch(`${stack.simControlUrl}/doors/${unit}/${input}/${action}`, { method: 'POST' });
  if (!res.ok) throw new Error(`simulator ${action} ${label}: ${res.status} ${await res.text()}`);
}

/**
 * Waits until the gateway has pulsed the lock of `label` (a pulse that started at or after
 * `since`, epoch ms). Opening the door by hand before that would race the simulated spring,
 * which pops the door open a moment after the pulse.
 */
export async function waitForPulse(stack: KioskStack, label: string, since: number): Promise<void> {
  const { unit, input } = doorOf(label);
  await expect
    .poll(
      async () => {
        const res = await fetch(`${stack.simControlUrl}/pulses?since=${since}`);
        const pulses = (await res.json()) as { unitId: number; coil: number }[];
        return pulses.some((p) => p.unitId === unit && p.coil === input);
      },
      { timeout: 15_000, message: `no pulse on ${label}` },
    )
    .toBe(true);
}

/** Scans a code through the API with the kiosk token, as if at the kiosk. */
export async function scanByApi(
  stack: KioskStack,
  payload: string,
): Promise<{ outcome: string; label: string | null }> {
  const data = await graphql<{ scanAccessCode: { outcome: string; compartment: { label: string } | null } }>(
    stack,
    stack.kioskToken,
    'mutation($s: ID!, $p: String!) { scanAccessCode(siteId: $s, payload: $p) { outcome compartment { label } } }',
    { s: stack.siteId, p: payload },
  );
  return { outcome: data.scanAccessCode.outcome, label: data.scanAccessCode.compartment?.label ?? null };
}

/** Waits until the server reports the door of `label` as `state`, read as the kiosk reads it. */
export async function waitForDoorState(
  stack: KioskStack,
  label: string,
  state: 'OPEN' | 'CLOSED',
): Promise<void> {
  await expect
    .poll(
      async () => {
        const data = await graphql<{ site: { compartments: { label: string; doorState: string }[] } }>(
          stack,
          stack.kioskToken,
          `{ site(id: "${stack.siteId}") { compartments { label doorState } } }`,
        );
        return data.site.compartments.find((c) => c.label === label)?.doorState;
      },
      { timeout: 15_000 },
    )
    .toBe(state);
}

/** Waits until the session of `payload` has `status` (sessionByAccessCode, the public read). */
export async function waitForStatus(stack: KioskStack, payload: string, status: string): Promise<void> {
  await expect
    .poll(
      async () =>
        (
          await graphql<{ sessionByAccessCode: { status: string } | null }>(
            stack,
            stack.kioskToken,
            'query($s: ID!, $p: String!) { sessionByAccessCode(siteId: $s, payload: $p) { status } }',
            { s: stack.siteId, p: payload },
          )
        ).sessionByAccessCode?.status,
      { timeout: 15_000 },
    )
    .toBe(status);
}

/** One GraphQL request with a bearer token (or none); throws on errors. */
export async function graphql<T>(
  stack: KioskStack,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await fetch(`${stack.baseURL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`query failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A staff token for set-up steps a test needs (the seed's admin). */
export async function adminToken(stack: KioskStack): Promise<string> {
  const data = await graphql<{ login: { token: string } }>(
    stack,
    null,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
    { e: stack.adminEmail, p: stack.adminPassword },
  );
  return data.login.token;
}

/**
 * Takes the luggage out again so the next spec finds the locker free: a retrieval scan through
 * the API, then the door opened and closed at the simulator once the unlock pulse came.
 */
export async function emptyLocker(stack: KioskStack, payload: string, label: string): Promise<void> {
  const since = Date.now();
  const { outcome } = await scanByApi(stack, payload);
  expect(outcome).toBe('UNLOCKING_FOR_RETRIEVAL');
  await waitForPulse(stack, label, since);
  await door(stack, label, 'open');
  await waitForDoorState(stack, label, 'OPEN');
  await door(stack, label, 'close');
  await waitForStatus(stack, payload, 'COMPLETED').catch(async (e: Error) => {
    throw new Error(`${e.message}\n${await doorHistory(stack, label, since)}`);
  });
}

/**
 * What the simulated door and the server saw of `label` since `since`: said when a door cycle
 * did not end as expected, so a failure in CI shows which side lost track.
 */
async function doorHistory(stack: KioskStack, label: string, since: number): Promise<string> {
  const { unit, input } = doorOf(label);
  const log = (await (await fetch(`${stack.simControlUrl}/door-log?after=0`)).json()) as {
    unitId?: number;
    input?: number;
    at?: number;
  }[];
  const doorLog = log.filter((d) => d.unitId === unit && d.input === input && (d.at ?? since) >= since);
  const pulses = (await (await fetch(`${stack.simControlUrl}/pulses?since=${since}`)).json()) as {
    unitId: number;
    coil: number;
  }[];
  const events = await graphql<{
    doorEvents: {
      nodes: { type: string; at: string; detail: string | null; compartment: { label: string } }[];
    };
  }>(
    stack,
    await adminToken(stack),
    'query($s: ID!) { doorEvents(siteId: $s, first: 30) { nodes { type at detail compartment { label } } } }',
    { s: stack.siteId },
  );
  return [
    `simulator door log: ${JSON.stringify(doorLog)}`,
    `simulator pulses: ${JSON.stringify(pulses.filter((p) => p.unitId === unit && p.coil === input))}`,
    `server door events: ${JSON.stringify(events.doorEvents.nodes.filter((n) => n.compartment.label === label))}`,
  ].join('\n');
}

/** Stores luggage without the browser (issue, scan, door open and shut): for tests that start later. */
export async function depositByApi(
  stack: KioskStack,
  size: string,
): Promise<{ payload: string; label: string }> {
  const payload = await issueCode(stack, size);
  return { payload, label: await depositWithCode(stack, payload) };
}

/** Stores luggage with an issued code without the browser (scan, door open and shut); returns the locker. */
export async function depositWithCode(stack: KioskStack, payload: string): Promise<string> {
  const since = Date.now();
  const { outcome, label } = await scanByApi(stack, payload);
  expect(outcome).toBe('UNLOCKING_FOR_DEPOSIT');
  await waitForPulse(stack, label!, since);
  await door(stack, label!, 'open');
  await waitForDoorState(stack, label!, 'OPEN');
  await door(stack, label!, 'close');
  await waitForStatus(stack, payload, 'STORED');
  return label!;
}

/** Issues an access code straight through the API with the kiosk token (for tests that start later). */
export async function issueCode(stack: KioskStack, size: string): Promise<string> {
  const data = await graphql<{ issueAccessCode: { code: { payload: string } } }>(
    stack,
    stack.kioskToken,
    'mutation($siteId: ID!, $size: CompartmentSize!) { issueAccessCode(siteId: $siteId, size: $size) { code { payload } } }',
    { siteId: stack.siteId, size },
  );
  return data.issueAccessCode.code.payload;
}
