import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns';
import { Agent } from 'undici';

/** Loopback, private, link-local, carrier-grade NAT, unspecified and multicast: not the public internet. */
const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv6');
}

/** True for an address outside the public internet (IPv4-mapped IPv6 judged as its IPv4). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never connect to it
  return INTERNAL.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

export class InternalAddressError extends Error {
  constructor(host: string, address: string) {
    super(
      `${host} resolves to ${address}, an internal address (set WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true to allow)`,
    );
  }
}

/** Every address a host name resolves to (an address literal is itself). */
export async function resolveAll(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  return new Promise((resolve, reject) =>
    lookup(bare, { all: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses.map((a) => a.address)),
    ),
  );
}

/**
 * An HTTP agent that checks the address each connection actually goes to, at connection time:
 * a name that resolved to a public address when the URL was registered and to 127.0.0.1 now
 * (DNS rebinding) is refused here, not only when the URL was saved.
 */
export function publicOnlyAgent(allowInternal: boolean): Agent {
  return new Agent({
    connect: {
      lookup: (hostname, options, callback) => {
        lookup(hostname, { ...options, all: true }, (err, addresses) => {
          if (err) return callback(err, '', 0);
          const list = addresses as { address: string; family: number }[];
          const bad = allowInternal ? undefined : list.find((a) => isInternalAddress(a.address));
          if (bad) return callback(new InternalAddressError(hostname, bad.address), '', 0);
          if ((options as { all?: boolean }).all)
            return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
          callback(null, list[0]!.address, list[0]!.family);
        });
      },
    },
  });
}
