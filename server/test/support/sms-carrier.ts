import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  path: string;
  authorization: string;
  form: URLSearchParams;
  /** The status this request was answered with. */
  status: number;
}

/**
 * A real HTTP server speaking Twilio's Messages API (what the server's SMS adapter calls): it
 * keeps every request and answers 201, or 500 while `failNext` is above zero.
 */
export async function startSmsCarrier(): Promise<{
  url: string;
  requests: ReceivedSms[];
  failNext: number;
  close(): Promise<void>;
}> {
  const carrier = {
    url: '',
    requests: [] as ReceivedSms[],
    failNext: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const failing = carrier.failNext > 0;
      if (failing) carrier.failNext -= 1;
      const status = failing ? 500 : 201;
      carrier.requests.push({
        path: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')),
        status,
      });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          failing ? { code: 20500, message: 'Internal Server Error' } : { sid: 'SM1', status: 'queued' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  carrier.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return carrier;
}
