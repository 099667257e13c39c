import type { TestServer } from './test-server.js';
import { ADMIN } from './test-server.js';

export interface Fixture {
  adminToken: string;
  siteId: string;
  kioskToken: string;
  gatewayToken: string;
  gatewayId: string;
  compartments: { id: string; label: string; size: string }[];
}

/** Unwraps a GraphQL result, failing the test with the errors when there are any. */
export function ok<T>(result: { data?: T; errors?: unknown[] }): T {
  if (result.errors?.length || !result.data)
    throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function login(s: TestServer, email = ADMIN.email, password = ADMIN.password): Promise<string> {
  const r = ok(
    await s.gql<{ login: { token: string } }>(
      `mutation($e:String!,$p:String!){ login(email:$e,password:$p){ token } }`,
      { e: email, p: password },
    ),
  );
  return r.login.token;
}

/**
 * A site built through the public API, as an admin would: a gateway, a kiosk, one bank with
 * `counts` compartments per size, and tariffs (price per size, 0 = free).
 */
export async function createSite(
  s: TestServer,
  opts: {
    counts?: Partial<Record<'SMALL' | 'MEDIUM' | 'LARGE' | 'XLARGE', number>>;
    prices?: Partial<Record<string, number>>;
    tariff?: Partial<Record<string, number>>;
  } = {},
): Promise<Fixture> {
  const adminToken = await login(s);
  const site = ok(
    await s.gql<{ createSite: { id: string } }>(
      `mutation { createSite(name:"Test Station", timezone:"Europe/Berlin"){ id } }`,
      {},
      adminToken,
    ),
  ).createSite;
  const gw = ok(
    await s.gql<{ registerGateway: { id: string; token: string } }>(
      `mutation($s:ID!){ registerGateway(siteId:$s,name:"gw"){ id token } }`,
      { s: site.id },
      adminToken,
    ),
  ).registerGateway;
  const kiosk = ok(
    await s.gql<{ registerKiosk: { token: string } }>(
      `mutation($s:ID!){ registerKiosk(siteId:$s,name:"k1"){ token } }`,
      { s: site.id },
      adminToken,
    ),
  ).registerKiosk;
  const counts = opts.counts ?? { SMALL: 2, MEDIUM: 2, LARGE: 1, XLARGE: 1 };
  const compartmentsInput: {
    label: string;
    size: string;
    unitId: number;
    coil: number;
    doorInput: number;
  }[] = [];
  let i = 0;
  for (const [size, n] of Object.entries(counts)) {
    for (let k = 0; k < (n ?? 0); k++, i++) {
      compartmentsInput.push({
        label: `A${String(i + 1).padStart(3, '0')}`,
        size,
        unitId: 1 + Math.floor(i / 256),
        coil: i % 256,
        doorInput: i % 256,
      });
    }
  }
  ok(
    await s.gql(
      `mutation($s:ID!,$c:[CompartmentInput!]!){ createLockerBank(siteId:$s,label:"A",modbusEndpoint:"tcp://127.0.0.1:5020",compartments:$c){ id } }`,
      { s: site.id, c: compartmentsInput },
      adminToken,
    ),
  );
  for (const size of Object.keys(counts)) {
    const t = {
      price: opts.prices?.[size] ?? 0,
      includedMinutes: 60,
      overduePerHour: 200,
      graceMinutes: 15,
      securityAlertAfterMinutes: 60,
      ...opts.tariff,
    };
    ok(
      await s.gql(
        `mutation($s:ID!,$z:CompartmentSize!,$p:Int!,$i:Int!,$o:Int!,$g:Int!,$x:Int!){ setTariff(siteId:$s,size:$z,price:$p,currency:"EUR",includedMinutes:$i,overduePerHour:$o,graceMinutes:$g,securityAlertAfterMinutes:$x){ id } }`,
        {
          s: site.id,
          z: size,
          p: t.price,
          i: t.includedMinutes,
          o: t.overduePerHour,
          g: t.graceMinutes,
          x: t.securityAlertAfterMinutes,
        },
        adminToken,
      ),
    );
  }
  const list = ok(
    await s.gql<{ site: { compartments: { id: string; label: string; size: string }[] } }>(
      `query($s:ID!){ site(id:$s){ compartments { id label size } } }`,
      { s: site.id },
      adminToken,
    ),
  );
  return {
    adminToken,
    siteId: site.id,
    kioskToken: kiosk.token,
    gatewayToken: gw.token,
    gatewayId: gw.id,
    compartments: list.site.compartments,
  };
}

export const ISSUE = `mutation($s:ID!,$z:CompartmentSize!,$c:ContactInput){ issueAccessCode(siteId:$s,size:$z,contact:$c){ session { id status } code { payload qrSvg issuedAt } } }`;
export const SCAN = `mutation($s:ID!,$p:String!,$i:ScanIntent){ scanAccessCode(siteId:$s,payload:$p,intent:$i){ outcome message amountDue { amount currency } session { id status } compartment { id label status } } }`;
export const REPORT = `mutation($r:[DoorReport!]!){ reportDoorStates(reports:$r) }`;
export const ACK = `mutation($id:ID!,$r:CommandResult!,$e:String){ ackGatewayCommand(commandId:$id,result:$r,error:$e) }`;

export async function issue(
  s: TestServer,
  f: Fixture,
  size = 'SMALL',
  contact?: { email?: string; phone?: string },
) {
  return ok(
    await s.gql<{
      issueAccessCode: { session: { id: string; status: string }; code: { payload: string; qrSvg: string } };
    }>(ISSUE, { s: f.siteId, z: size, c: contact ?? null }, f.kioskToken),
  ).issueAccessCode;
}

/** The gateway's heartbeat (an empty report): a site's locks are driven only while its gateway is present. */
export async function heartbeat(s: TestServer, f: Pick<Fixture, 'gatewayToken'>) {
  return ok(await s.gql(`mutation { reportDoorStates(reports: []) }`, {}, f.gatewayToken));
}

/**
 * Heartbeats every second, as a live gateway does, until the returned function is called.
 * Present once it resolves: the first beat is awaited, so nothing after it races the gateway.
 */
export async function keepPresent(s: TestServer, f: Pick<Fixture, 'gatewayToken'>): Promise<() => void> {
  await heartbeat(s, f);
  const timer = setInterval(() => void heartbeat(s, f).catch(() => undefined), 1000);
  return () => clearInterval(timer);
}

/** A kiosk scan, its site's gateway present (as a live one would be). */
export async function scan(s: TestServer, f: Fixture, payload: string, intent?: 'RETRIEVE' | 'ACCESS') {
  await heartbeat(s, f);
  return scanOnly(s, f, payload, intent);
}

/** A kiosk scan alone (many at once: send one `heartbeat` first). */
export async function scanOnly(s: TestServer, f: Fixture, payload: string, intent?: 'RETRIEVE' | 'ACCESS') {
  return ok(
    await s.gql<{
      scanAccessCode: {
        outcome: string;
        message: string;
        amountDue: { amount: number } | null;
        session: { id: string; status: string } | null;
        compartment: { id: string; label: string; status: string } | null;
      };
    }>(SCAN, { s: f.siteId, p: payload, i: intent ?? 'RETRIEVE' }, f.kioskToken),
  ).scanAccessCode;
}

export async function door(
  s: TestServer,
  f: Fixture,
  compartmentId: string,
  state: 'OPEN' | 'CLOSED',
  at = new Date(),
) {
  return ok(await s.gql(REPORT, { r: [{ compartmentId, state, at: at.toISOString() }] }, f.gatewayToken));
}

export const ENDPOINT = 'tcp://127.0.0.1:5020';

/**
 * The gateway's presence: its controller (the fixture bank's endpoint) read without a
 * break from `since` to `lastGoodReadAt`, every change of that span already reported.
 */
export async function presence(
  s: TestServer,
  f: Fixture,
  link: { since: Date; lastGoodReadAt: Date | null; up?: boolean; error?: string },
) {
  return ok(
    await s.gql(
      `mutation($c:[ControllerLinkInput!]){ reportDoorStates(reports: [], controllers: $c) }`,
      {
        c: [
          {
            endpoint: ENDPOINT,
            up: link.up ?? true,
            since: link.since.toISOString(),
            lastGoodReadAt: link.lastGoodReadAt?.toISOString() ?? null,
            error: link.error ?? null,
          },
        ],
      },
      f.gatewayToken,
    ),
  );
}

/** Collects a subscription's events until disposed. */
export function collect<T>(
  client: import('graphql-ws').Client,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const events: T[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => (v.errors ? errors.push(v.errors) : events.push(v.data as T)),
      error: (e) => errors.push(e),
      complete: () => {},
    },
  );
  return { events, errors, dispose };
}

export async function waitFor<T>(
  fn: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
