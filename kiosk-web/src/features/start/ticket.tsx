import { type ReactNode } from 'react';
import { type IssuedCode } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { QrImage } from '../../ui/qr-image';
import { useSiteName } from '../../i18n/site-name';
import { TermsFacts } from '../session/terms';
import { PhoneLink } from '../phone/phone-link';

/** What a ticket needs beyond the issued code itself. */
export interface TicketExtras {
  includedMinutes?: number | null;
  hasContact: boolean;
  /** Set after recovery: the old code has just been revoked. */
  recovered?: boolean;
}

/**
 * The access code on screen and, with print CSS (styles.css, @media print), as an 80 mm receipt:
 * QR code and short code, site, size, the terms (price, included time, rate, code validity, due)
 * and how to recover it.
 */
export function Ticket({
  issued,
  extras,
  children,
}: {
  issued: IssuedCode;
  extras: TicketExtras;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { session, code } = issued;
  const siteName = useSiteName(session.site);
  return (
    <div className="ticket-wrap">
      {extras.recovered ? (
        <p className="notice ok no-print" role="status">
          {t('recover.newCode')}
        </p>
      ) : null}
      <article className="ticket" aria-label={t('ticket.heading')}>
        <QrImage payload={code.payload} svg={code.qrSvg || undefined} label={t('ticket.heading')} />
        {code.shortCode ? (
          <p className="ticket-short">
            <span className="ticket-short-caption">{t('ticket.shortCode')}</span>
            <span className="ticket-short-code" data-testid="short-code">
              {code.shortCode}
            </span>
          </p>
        ) : null}
        <p className="ticket-keep">{t('ticket.keep')}</p>
        <dl className="ticket-facts">
          <dt>{t('ticket.site')}</dt>
          <dd data-testid="ticket-site">{siteName}</dd>
          <dt>{t('ticket.size')}</dt>
          <dd>{t(`size.${session.size}`)}</dd>
          <TermsFacts session={session} />
        </dl>
        <p className="ticket-code" aria-hidden="true" data-testid="code-payload">
          {code.payload}
        </p>
        <p className="ticket-recover">{extras.hasContact ? t('ticket.recover') : t('ticket.noRecover')}</p>
        {session.site.slug ? (
          <PhoneLink slug={session.site.slug} url={session.site.phoneUrl} size={120} />
        ) : null}
      </article>
      <div className="actions no-print">
        <button type="button" className="btn secondary" onClick={() => window.print()}>
          {t('ticket.print')}
        </button>
        {children}
      </div>
    </div>
  );
}
