import nodemailer from 'nodemailer';
export function smtpSender(url, from) {
    const transport = nodemailer.createTransport(url);
    return {
        async send(m) {
            await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
        },
    };
}
/** Logs that a message went out, without its body (it may hold a one-time code). */
export function loggingSender(logger, channel) {
    return {
        async send(m) {
            logger.info({ channel, to: maskRecipient(m.to), subject: m.subject }, 'message delivered (logging adapter)');
        },
    };
}
const maskRecipient = (to) => to.replace(/^(.{2}).*(@.*|.{2})$/, '$1***$2');
//# sourceMappingURL=senders.js.map