import { pino, type DestinationStream, type Logger } from 'pino';

/** Paths whose values never reach a log line: credentials, codes and tokens. */
const REDACT = [
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'payload',
  '*.payload',
  'oneTimeCode',
  '*.oneTimeCode',
  'variables',
  '*.variables',
  'connectionParams',
  '*.connectionParams',
];

export type { Logger };

/** Structured JSON logs; secrets are redacted by path. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'locker-server' },
  };
  return destination ? pino(options, destination) : pino(options);
}
