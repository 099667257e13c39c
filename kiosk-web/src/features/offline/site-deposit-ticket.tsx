import { formatMinutes } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { QrImage } from '../../ui/qr-image';
import { Screen } from '../../ui/screen';
import { groupCode, type SiteDepositTicket } from './site-deposits';
import { siteDepositTexts } from './site-deposit-texts';
import { formatLocalDateTime } from './site-time';

/**
 * The locker the site opened for an offline deposit and the code that opens it again: as a QR
 * code (to photograph or scan) and as text in groups (to write down). Offline there is no
 * short code and nothing can be sent, so this screen is the person's only copy.
 */
export function SiteDepositTicketView({ ticket, onDone }: { ticket: SiteDepositTicket; onDone: () => void }) {
  const { t, lang, locale } = useI18n();
  const texts = siteDepositTexts(lang);
  return (
    <Screen title={texts.ticketHeading} tone="ok">
      <div className="ticket-wrap" data-testid="site-deposit-ticket">
        <p className="notice ok no-print" role="status" data-testid="site-deposit-opened">
          {texts.opened(ticket.compartmentLabel)}
        </p>
        <article className="ticket" aria-label={texts.ticketHeading}>
          <QrImage payload={ticket.code} label={texts.ticketHeading} />
          <p className="ticket-keep">
            <strong>{texts.keep}</strong>
          </p>
          <p className="ticket-short">
            <span className="ticket-short-caption">{texts.codeCaption}</span>
            <span className="ticket-long-code" data-testid="site-deposit-code">
              {groupCode(ticket.code)}
            </span>
          </p>
          <dl className="ticket-facts">
            <dt>{texts.locker}</dt>
            <dd data-testid="site-deposit-locker">{ticket.compartmentLabel}</dd>
            <dt>{texts.size}</dt>
            <dd>{t(`size.${ticket.size}`)}</dd>
            <dt>{texts.includedTime}</dt>
            <dd>{formatMinutes(ticket.includedMinutes, locale)}</dd>
            {ticket.dueAt ? (
              <>
                <dt>{texts.due}</dt>
                <dd data-testid="site-deposit-due">{formatLocalDateTime(ticket.dueAt, locale)}</dd>
              </>
            ) : null}
          </dl>
          <p className="ticket-recover">{texts.writeDown}</p>
          <p className="ticket-recover">{texts.collect}</p>
        </article>
        <div className="actions no-print">
          <button type="button" className="btn secondary" onClick={() => window.print()}>
            {t('ticket.print')}
          </button>
          <button type="button" className="btn primary" onClick={onDone}>
            {t('common.done')}
          </button>
        </div>
      </div>
    </Screen>
  );
}
