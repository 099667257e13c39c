/**
 * The server instances a gateway may use (GATEWAY_SERVER_URL, comma-separated), and the one
 * in use. The command subscription and the HTTP calls share it, so the gateway moves from a
 * failed instance to the next one as a whole and stays there while it answers.
 */
export interface ServerEndpoint {
  /** GraphQL over HTTP, e.g. http://10.0.0.5:4000/graphql. */
  readonly graphqlUrl: string;
  /** The same endpoint over WebSocket (graphql-ws). */
  readonly wsUrl: string;
}

export class ServerEndpoints {
  private index = 0;

  constructor(readonly list: readonly ServerEndpoint[]) {
    if (list.length === 0) throw new Error('at least one server URL is needed');
  }

  get size(): number {
    return this.list.length;
  }

  get current(): ServerEndpoint {
    return this.list[this.index]!;
  }

  /**
   * `failed` did not answer: the next one becomes current. A no-op when another caller has
   * already moved on (the link and an HTTP call may both notice the same failure).
   */
  failed(failed: ServerEndpoint): ServerEndpoint {
    if (this.list[this.index] === failed) this.index = (this.index + 1) % this.list.length;
    return this.current;
  }
}

/** One http(s) URL as the gateway's two endpoints; throws on anything else. */
export function endpointOf(server: string): ServerEndpoint {
  const url = new URL(server);
  if (!['http:', 'https:'].includes(url.protocol)) throw new Error('not http(s)');
  if (!url.pathname.endsWith('/graphql')) url.pathname = `${url.pathname.replace(/\/$/, '')}/graphql`;
  const graphqlUrl = url.toString();
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return { graphqlUrl, wsUrl: url.toString() };
}
