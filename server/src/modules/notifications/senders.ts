import type { Transporter } from 'nodemailer';
import type { Logger } from '../../observability/logger.js';

export interface Message {
  to: string;
  subject: string;
  body: string;
  /** A stable id per outbox row (e-mail Message-ID), so a repeated attempt is recognisably the same message. */
  messageId?: string;
}

/** One delivery channel. Real adapters: SMTP. The SMS carrier cannot run here: a logging adapter stands in. */
export interface Sender {
  send(m: Message): Promise<void>;
}

/** E-mail over SMTP (nodemailer, loaded only on a server that has SMTP_URL). */
export function smtpSender(url: string, from: string): Sender {
  let transport: Promise<Transporter> | null = null;
  const connect = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(url)));
  return {
    async send(m) {
      await (await connect()).sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: m.messageId });
    },
  };
}

/** Logs that a message went out, without its body (it may hold a one-time code). */
export function loggingSender(logger: Logger, channel: string): Sender {
  return {
    send(m) {
      logger.info({ channel, to: maskRecipient(m.to), subject: m.subject }, 'message delivered (logging adapter)');
      return Promise.resolve();
    },
  };
}

const maskRecipient = (to: string): string => to.replace(/^(.{2}).*(@.*|.{2})$/, '$1***$2');
