import { useOnline } from '../api/connection';
import { useI18n } from '../i18n/i18n';

/** Says so when the server cannot be reached; the app keeps retrying underneath. */
export function ConnectionBanner() {
  const online = useOnline();
  const { t } = useI18n();
  return (
    <div className="connection" role="status" aria-live="polite">
      {online ? null : <p className="notice error banner">{t('net.offline')}</p>}
    </div>
  );
}
