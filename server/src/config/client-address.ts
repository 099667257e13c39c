import { BlockList, isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/** The configured trusted proxies (addresses or CIDRs) as a matcher; empty: trust no header. */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly empty: boolean;

  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address, bits] = entry.split('/');
      const family = isIP(address!) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.list.addAddress(address!, family);
      else this.list.addSubnet(address!, Number(bits), family);
    }
    this.empty = entries.length === 0;
  }

  /** Checks one entry's syntax (for the config): an IPv4/IPv6 address, optionally /bits. */
  static valid(entry: string): boolean {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    if (family === 0 || extra !== undefined) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
  }

  has(address: string): boolean {
    if (this.empty) return false;
    const plain = unmapped(address);
    const family = isIP(plain);
    return family !== 0 && this.list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/**
 * The client's address: the socket peer, unless that peer is a trusted proxy; then the
 * forwarding headers are walked from the nearest hop back, skipping trusted proxies, and the
 * first untrusted address is the client. Headers from an untrusted peer are ignored (anyone
 * can write them). `Forwarded` (RFC 7239) wins over `X-Forwarded-For` when both are present.
 */
export function clientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  const peer = unmapped(req.socket.remoteAddress ?? 'unknown');
  if (!trusted.has(peer)) return peer;
  const hops = forwardedChain(req);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) return peer; // an unreadable hop: do not guess past it
    if (!trusted.has(hop)) return hop;
  }
  return hops[0] ?? peer;
}

/** The addresses the forwarding headers list, client first. */
function forwardedChain(req: IncomingMessage): string[] {
  const forwarded = headerText(req.headers.forwarded);
  if (forwarded) {
    return forwarded
      .split(',')
      .map((element) => /(?:^|;)\s*for=("?)\[?([^\]";,]+)\]?(?::\d+)?\1/i.exec(element)?.[2]?.trim() ?? '')
      .map((hop) => unmapped(/^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop)?.[1] ?? hop));
  }
  const xff = headerText(req.headers['x-forwarded-for']);
  return xff ? xff.split(',').map((s) => unmapped(s.trim())) : [];
}

function headerText(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) is `10.0.0.1`. */
function unmapped(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
