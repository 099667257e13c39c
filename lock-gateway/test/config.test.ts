/** The config module: required values, validation, URL derivation, token never shown. */
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig, redactedConfig } from '../src/config/gateway-config.js';
import fs from 'node:fs';
import { parseEndpoint } from '../src/modbus/endpoint.js';

const examples = JSON.parse(
  fs.readFileSync(new URL('./endpoint-examples.json', import.meta.url), 'utf8'),
) as { valid: string[]; invalid: string[] };

describe('gateway config', () => {
  it('derives the HTTP and WebSocket GraphQL URLs from the server URL and freezes the result', () => {
    const config = loadGatewayConfig([], {
      GATEWAY_SERVER_URL: 'http://127.0.0.1:4000',
      GATEWAY_TOKEN: 'secret-token',
    });
    expect(config.graphqlUrl).toBe('http://127.0.0.1:4000/graphql');
    expect(config.wsUrl).toBe('ws://127.0.0.1:4000/graphql');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lets flags win over env', () => {
    const config = loadGatewayConfig(
      ['--server', 'https://lockers.example/graphql', '--token', 't2', '--poll-ms', '200'],
      {
        GATEWAY_SERVER_URL: 'http://ignored',
        GATEWAY_TOKEN: 't1',
      },
    );
    expect(config.wsUrl).toBe('wss://lockers.example/graphql');
    expect(config.token).toBe('t2');
    expect(config.pollIntervalMs).toBe(200);
  });

  it('lists every problem at once', () => {
    expect(() => loadGatewayConfig([], { GATEWAY_POLL_MS: 'fast', GATEWAY_MODBUS_TIMEOUT_MS: '1' })).toThrow(
      /GATEWAY_SERVER_URL[\s\S]*GATEWAY_TOKEN[\s\S]*GATEWAY_POLL_MS[\s\S]*GATEWAY_MODBUS_TIMEOUT_MS/,
    );
  });

  it('refuses the old pulse settings, naming what replaced them', () => {
    expect(() =>
      loadGatewayConfig([], {
        GATEWAY_SERVER_URL: 'http://x:1',
        GATEWAY_TOKEN: 't',
        GATEWAY_PULSE_MODE: 'coil',
      }),
    ).toThrow(/GATEWAY_PULSE_MODE is no longer read: .* board profile/);
  });

  it('never shows the token in what may be logged', () => {
    const config = loadGatewayConfig([], { GATEWAY_SERVER_URL: 'http://x:1', GATEWAY_TOKEN: 'very-secret' });
    expect(JSON.stringify(redactedConfig(config))).not.toContain('very-secret');
  });
});

describe('endpoints', () => {
  it('parses TCP and RTU endpoints as the server names them', () => {
    expect(parseEndpoint('tcp://127.0.0.1:5020')).toMatchObject({
      kind: 'tcp',
      host: '127.0.0.1',
      port: 5020,
    });
    expect(parseEndpoint('tcp://10.0.0.5')).toMatchObject({ port: 502 });
    expect(parseEndpoint('rtu:///dev/ttyUSB0?baud=9600')).toMatchObject({
      kind: 'rtu',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
    });
    expect(() => parseEndpoint('udp://x:1')).toThrow(/unsupported/);
    expect(() => parseEndpoint('rtu:///dev/ttyS0?baud=fast')).toThrow(/baud/);
  });

  it('accepts exactly the examples the server accepts (one syntax)', () => {
    for (const e of examples.valid) expect(() => parseEndpoint(e), e).not.toThrow();
    for (const e of examples.invalid) expect(() => parseEndpoint(e), e).toThrow();
  });
});

describe('logger', () => {
  it('redacts tokens and authorization headers wherever they are logged', async () => {
    const { createLogger } = await import('../src/logging/logger.js');
    const lines: string[] = [];
    const log = createLogger('t', 'info', { write: (s: string) => void lines.push(s) });
    log.info(
      { token: 'tok-1', headers: { authorization: 'Bearer tok-2' }, config: { token: 'tok-3' } },
      'hello',
    );
    expect(lines.join('')).toContain('hello');
    expect(lines.join('')).not.toMatch(/tok-\d/);
  });
});
