import type { IncomingMessage, ServerResponse } from 'node:http';

export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** CORS for the configured origins only (`*` for any); others get no CORS headers at all. */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin || !(origins.includes('*') || origins.includes(origin))) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'origin');
  res.setHeader(
    'access-control-allow-headers',
    'authorization, content-type, apollo-require-preflight, x-request-id, x-client-version',
  );
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-max-age', '600');
}

export class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Bytes of a refused body still read (and dropped) so that the client sees the 413, not a reset. */
const DRAIN_FACTOR = 16;

/**
 * The raw request body (Stripe signs the raw bytes), refused with BodyError(413) past `limit`
 * bytes. A refused body is read to its end and dropped, up to DRAIN_FACTOR times the limit:
 * a client still sending when the server closes sees a connection reset instead of the 413.
 * Past that the connection is closed once the answer is written (`connection: close`).
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  // plain listeners rather than `for await`: the async iterator costs more than a small body's parse
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const done = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const refuse = () => {
      done();
      reject(new BodyError(413, `Request body larger than ${limit} bytes`));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > limit * DRAIN_FACTOR) {
          req.pause();
          closeAfterAnswer(req);
          refuse();
        }
        return;
      }
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (refused) return refuse();
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      done();
      reject(err);
    };
    const onClose = () => {
      done();
      reject(new Error('The request closed before its body ended'));
    };
    if (Number.isFinite(declared) && declared > limit * DRAIN_FACTOR) {
      closeAfterAnswer(req);
      return reject(new BodyError(413, `Request body larger than ${limit} bytes`));
    }
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/** Marks the connection to close once the answer is written (the rest of the body is never read). */
function closeAfterAnswer(req: IncomingMessage): void {
  (req as IncomingMessage & { closeAfterAnswer?: boolean }).closeAfterAnswer = true;
}

/** Sends the answer to a refused body; closes the connection when the body was left unread. */
export function answerBodyError(
  req: IncomingMessage,
  res: ServerResponse,
  e: BodyError,
  body: string,
  type = 'application/json',
): void {
  const close = (req as IncomingMessage & { closeAfterAnswer?: boolean }).closeAfterAnswer === true;
  if (res.headersSent) return void res.destroy();
  res.writeHead(e.status, { 'content-type': type, ...(close ? { connection: 'close' } : {}) }).end(body);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body up to `limit` bytes as text. Invalid UTF-8 is a 400. */
export async function readBodyText(req: IncomingMessage, limit: number): Promise<string> {
  try {
    return utf8.decode(await readRawBody(req, limit));
  } catch (e) {
    if (e instanceof TypeError) throw new BodyError(400, 'Request body is not valid UTF-8');
    throw e;
  }
}

/** A body's text as its content type says: JSON parsed (invalid JSON is a 400), anything else as text. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  if (!(contentType ?? '').includes('application/json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError(400, 'Request body is not valid JSON');
  }
}
