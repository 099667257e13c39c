/**
 * The e2e run's mail server: an SMTP server in the harness process (the server under test
 * gets SMTP_URL pointing at it), keeping every message it accepts in memory, and a loopback
 * HTTP endpoint (GET /messages) through which specs read them, as a person reads a mailbox.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One received e-mail, as a mail client shows it. */
export interface ReceivedMail {
  /** Who the SMTP envelope delivered it to (lower case): whose mailbox it landed in. */
  envelopeTo: string[];
  /** The To header's addresses (lower case). */
  to: string[];
  /** The From header as written (name and address). */
  from: string;
  subject: string;
  /** The plain-text body. */
  text: string;
  receivedAt: string;
}

/** A running mailbox. */
export interface Mailbox {
  /** What the server under test gets as SMTP_URL. */
  smtpUrl: string;
  /** Base URL of the read endpoint: GET <url>/messages returns ReceivedMail[] in arrival order. */
  httpUrl: string;
  messages: ReceivedMail[];
  stop(): Promise<void>;
}

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value)
    .map((a) => (a.address ?? '').toLowerCase());

/** Starts SMTP and HTTP on free loopback ports; `logFile` gets one JSON line per message. */
export async function startMailbox(logFile: string): Promise<Mailbox> {
  const messages: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    // Plain SMTP on loopback: no TLS (nodemailer would upgrade and then reject our
    // self-signed certificate) and no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail: ReceivedMail = {
            envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            to: addresses(parsed.to),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            receivedAt: new Date().toISOString(),
          };
          messages.push(mail);
          fs.mkdirSync(path.dirname(logFile), { recursive: true });
          fs.appendFileSync(logFile, `${JSON.stringify(mail)}\n`);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  const web = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/messages') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(messages));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const httpPort = (web.address() as AddressInfo).port;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    messages,
    async stop() {
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(resolve));
    },
  };
}
