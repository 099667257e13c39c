import { useI18n } from '../../i18n/i18n';
import { QrImage } from '../../ui/qr-image';
import { phoneAddress } from './phone-address';

/**
 * The phone page offered at the kiosk and on the ticket: a QR code of its short address, and the
 * address as text. `url` is the server's answer (its PUBLIC_BASE_URL) when it has one: a kiosk
 * running from a local address would otherwise send phones to an address they cannot reach.
 */
export function PhoneLink({
  slug,
  url = null,
  size = 140,
}: {
  slug: string;
  url?: string | null;
  size?: number;
}) {
  const { t } = useI18n();
  const address = url ?? phoneAddress(slug);
  const shown = address.replace(/^https?:\/\//, '');
  return (
    <section className="phone-link" aria-labelledby="phone-link-title" data-testid="phone-link">
      <QrImage payload={address} label={t('phoneLink.qr', { address: shown })} size={size} />
      <div>
        <h2 id="phone-link-title" className="phone-link-title">
          {t('phoneLink.title')}
        </h2>
        <p className="phone-link-hint">{t('phoneLink.hint')}</p>
        <p className="phone-link-address" data-testid="phone-address">
          {shown}
        </p>
      </div>
    </section>
  );
}
