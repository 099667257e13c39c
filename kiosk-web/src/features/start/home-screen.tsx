import { type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/screen';

/** The kiosk's start screen: store, use a code, or get help. `storeHint` replaces the usual hint (offline). */
export function HomeScreen({
  onStore,
  onScan,
  onHelp,
  storeHint,
  phoneLink,
}: {
  onStore: () => void;
  onScan: () => void;
  onHelp: () => void;
  storeHint?: string;
  /** The phone page's QR code, once the site's address is known. */
  phoneLink?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Screen title={t('home.heading')}>
      <div className="choices">
        <button type="button" className="btn choice primary" onClick={onStore}>
          <span className="choice-title">{t('home.store')}</span>
          <span className="choice-hint">{storeHint ?? t('home.storeHint')}</span>
        </button>
        <button type="button" className="btn choice" onClick={onScan}>
          <span className="choice-title">{t('home.scan')}</span>
          <span className="choice-hint">{t('home.scanHint')}</span>
        </button>
      </div>
      <p className="hint">{t('home.scannerHint')}</p>
      {phoneLink}
      <div className="actions">
        <button type="button" className="btn secondary" onClick={onHelp}>
          {t('home.help')}
        </button>
      </div>
    </Screen>
  );
}
