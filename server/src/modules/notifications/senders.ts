import type { Transporter } from 'nodemailer';
import type { Logger } from '../../observability/logger.js';

export interface Message {
  to: string;
  subject: string;
  body: string;
  /** A stable id per outbox row (e-mail Message-ID), so a repeated attempt is recognisably the same message. */
  messageId?: string;
}

/**
 * What became of a message: SENT (handed to a carrier) or LOGGED (only written to the log by an
 * adapter that stands in for a carrier: nobody received it, and the stored status says so).
 */
export type Delivery = 'SENT' | 'LOGGED';

/** One delivery channel. Real adapters: SMTP (below) and a Twilio-compatible SMS API (`sms-http.ts`); without them a logging adapter stands in. */
export interface Sender {
  send(m: Message): Promise<Delivery>;
}

/** E-mail over SMTP (nodemailer, loaded only on a server that has SMTP_URL). */
export function smtpSender(url: string, from: string): Sender {
  let transport: Promise<Transporter> | null = null;
  const connect = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url)));
  return {
    async send(m) {
      await (
        await connect()
      ).sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: m.messageId });
      return 'SENT';
    },
  };
}

/** Logs a message instead of sending it, without its body (it may hold a one-time code): LOGGED. */
export function loggingSender(logger: Logger, channel: string): Sender {
  return {
    send(m) {
      logger.warn(
        { channel, to: maskRecipient(m.to), subject: m.subject },
        'message only logged: no carrier configured for this channel',
      );
      return Promise.resolve('LOGGED' as const);
    },
  };
}

const maskRecipient = (to: string): string => to.replace(/^(.{2}).*(@.*|.{2})$/, '$1***$2');
