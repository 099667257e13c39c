/**
 * GraphQL over HTTP as the kiosk and the admin app call it. A transport failure (refused,
 * reset, timeout) and an answer with errors are told apart: the first may or may not have
 * been applied by the server, the second was not.
 */

/** The answer of one call: data, or the error codes and messages. */
export type GqlAnswer<T> = { ok: true; data: T } | { ok: false; transport: boolean; error: string };

/** A client for one URL and token. */
export class Gql {
  private readonly url: string;
  private token: string | null;
  private readonly timeoutMs: number;

  constructor(url: string, token: string | null, timeoutMs = 8000) {
    this.url = url;
    this.token = token;
    this.timeoutMs = timeoutMs;
  }

  setToken(token: string): void {
    this.token = token;
  }

  /** One call; never throws. */
  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<GqlAnswer<T>> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { ok: false, transport: true, error: describe(error) };
    }
    let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try {
      body = (await res.json()) as typeof body;
    } catch (error) {
      return { ok: false, transport: true, error: `HTTP ${res.status}: ${describe(error)}` };
    }
    if (body.errors?.length) {
      return {
        ok: false,
        transport: false,
        error: body.errors.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; '),
      };
    }
    if (!res.ok || body.data === undefined)
      return { ok: false, transport: false, error: `HTTP ${res.status}` };
    return { ok: true, data: body.data };
  }

  /** One call that must succeed (set-up and final reads); throws otherwise. */
  async must<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await this.call<T>(query, variables);
    if (!answer.ok) throw new Error(`GraphQL call failed: ${answer.error}`);
    return answer.data;
  }
}

function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string } };
  return e.cause?.code ?? e.name ?? String(error);
}
