import { badInput } from '../../errors/domain-error.js';

/**
 * One endpoint syntax, the gateway's (lock-gateway/src/modbus/endpoint.ts; both test the
 * same examples, lock-gateway/test/endpoint-examples.json):
 *   tcp://host[:port]                                    Modbus TCP, port 502 by default
 *   rtu://<absolute device path>[?baud=9600&parity=none|even|odd&dataBits=7|8&stopBits=1|2]
 * e.g. rtu:///dev/ttyUSB0?baud=9600, or rtu:///tmp/gw-rtu for a socat pty. Refused at
 * set-up rather than discovered at the first unlock.
 */
export function checkModbusEndpoint(endpoint: string): string {
  const value = endpoint.trim();
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(
      'modbusEndpoint',
      'modbusEndpoint must look like tcp://host:502 or rtu:///dev/ttyUSB0?baud=9600',
    );
  }
  if (url.protocol === 'tcp:') {
    const port = Number(url.port || '502');
    if (
      !url.hostname ||
      !Number.isInteger(port) ||
      port < 1 ||
      port > 65535 ||
      (url.pathname && url.pathname !== '/') ||
      url.search
    ) {
      throw badInput('modbusEndpoint', 'a tcp endpoint is a host and a port, e.g. tcp://10.0.0.5:502');
    }
    return value;
  }
  if (url.protocol === 'rtu:') {
    const path = decodeURIComponent(url.pathname);
    const q = url.searchParams;
    const baud = Number(q.get('baud') ?? '9600');
    const known = [...q.keys()].every((k) => ['baud', 'parity', 'dataBits', 'stopBits'].includes(k));
    const ok =
      url.hostname === '' &&
      path.length > 1 &&
      path.startsWith('/') &&
      !path.endsWith('/') &&
      known &&
      Number.isInteger(baud) &&
      baud >= 1200 &&
      baud <= 1_000_000 &&
      ['none', 'even', 'odd'].includes(q.get('parity') ?? 'none') &&
      ['7', '8'].includes(q.get('dataBits') ?? '8') &&
      ['1', '2'].includes(q.get('stopBits') ?? '1');
    if (!ok) {
      throw badInput(
        'modbusEndpoint',
        'an rtu endpoint is rtu:// and an absolute serial device path, e.g. rtu:///dev/ttyUSB0?baud=9600 (also parity, dataBits, stopBits)',
      );
    }
    return value;
  }
  throw badInput('modbusEndpoint', 'modbusEndpoint must use tcp:// or rtu://');
}
