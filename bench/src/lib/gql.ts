/**
 * A small GraphQL-over-HTTP client on node:http with a keep-alive agent, so a benchmark
 * controls how many connections its load uses (fetch's pool is not configurable per call).
 */
import http from 'node:http';

/** GraphQL error as answered by the server. */
export interface GqlError {
  message: string;
  extensions?: { code?: string };
}

/** A client bound to one URL, one token and at most `connections` sockets. */
export class GqlClient {
  private readonly agent: http.Agent;
  private readonly url: URL;
  private readonly token: string | null;
  private readonly localAddress: string | undefined;

  /** `localAddress`: the source address of the connections (a loopback alias per client). */
  constructor(url: string, token: string | null, connections = 4, localAddress?: string) {
    this.url = new URL(url);
    this.token = token;
    this.localAddress = localAddress;
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  /** Runs an operation; rejects on transport errors and on GraphQL errors. */
  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = await this.raw(query, variables);
    if (body.errors?.length)
      throw new Error(body.errors.map((e) => `${e.extensions?.code ?? ''} ${e.message}`).join('; '));
    return body.data as T;
  }

  /** Runs an operation and returns the whole answer. */
  async raw(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<{ data?: unknown; errors?: GqlError[] }> {
    const payload = JSON.stringify({ query, variables });
    try {
      return await this.send(payload);
    } catch (e) {
      // A kept-alive connection the server closed as idle just as it was reused: the request
      // never reached it (Node's `request.reusedSocket` advice), so it is sent once more.
      if (!(e instanceof StaleConnection)) throw e;
      return this.send(payload);
    }
  }

  private send(payload: string): Promise<{ data?: unknown; errors?: GqlError[] }> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        this.url,
        {
          method: 'POST',
          agent: this.agent,
          ...(this.localAddress ? { localAddress: this.localAddress } : {}),
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(text) as { data?: unknown; errors?: GqlError[] });
            } catch {
              reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            }
          });
        },
      );
      req.on('error', (e: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && e.code === 'ECONNRESET' ? new StaleConnection(e.message) : e),
      );
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

class StaleConnection extends Error {}

/** Signs in as the seed's admin and returns the token. */
export async function adminToken(graphqlUrl: string, email: string, password: string): Promise<string> {
  const c = new GqlClient(graphqlUrl, null, 1);
  try {
    const r = await c.request<{ login: { token: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
      {
        e: email,
        p: password,
      },
    );
    return r.login.token;
  } finally {
    c.close();
  }
}
