import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { DEFAULT_IDLE_SECONDS, type KioskConfig } from './kiosk-config';
import { findKioskSite, verifyKiosk } from './verify-kiosk';

/**
 * The operator's one-time set-up: the kiosk device token (never shown again once saved), the site
 * (found from the token when the server says which one, else typed in) and the idle timeout.
 */
export function SetupScreen({
  current,
  onSaved,
}: {
  current: KioskConfig | null;
  onSaved: (config: KioskConfig) => void;
}) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  const [siteId, setSiteId] = useState(current?.siteId ?? '');
  const [idle, setIdle] = useState(String(current?.idleSeconds ?? DEFAULT_IDLE_SECONDS));
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const effectiveToken = token.trim() || current?.token || '';

  async function findSite() {
    setBusy(true);
    setMessage(null);
    const found = await findKioskSite(effectiveToken).catch(() => null);
    setBusy(false);
    if (found) setSiteId(found);
    else setMessage(t('setup.siteNotFound'));
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const ok = await verifyKiosk(effectiveToken, siteId.trim()).catch(() => false);
    setBusy(false);
    if (!ok) {
      setMessage(t('setup.invalid'));
      return;
    }
    const idleSeconds = Math.max(10, Number.parseInt(idle, 10) || DEFAULT_IDLE_SECONDS);
    onSaved({ token: effectiveToken, siteId: siteId.trim(), idleSeconds });
  }

  return (
    <Screen title={t('setup.heading')}>
      <p>{t('setup.explain')}</p>
      <form className="form" onSubmit={(e) => void save(e)}>
        <TextField
          label={t('setup.token')}
          name="token"
          type="password"
          layout="token"
          value={token}
          placeholder={current ? t('setup.tokenKeep') : undefined}
          onChange={setToken}
        />
        <button
          type="button"
          className="btn secondary"
          disabled={busy || !effectiveToken}
          onClick={() => void findSite()}
        >
          {t('setup.findSite')}
        </button>
        <TextField
          label={t('setup.siteId')}
          name="siteId"
          layout="token"
          value={siteId}
          onChange={setSiteId}
        />
        <TextField
          label={t('setup.idle')}
          name="idleSeconds"
          layout="digits"
          value={idle}
          onChange={setIdle}
          maxLength={5}
        />
        {message ? (
          <p className="notice error" role="alert">
            {message}
          </p>
        ) : null}
        <button type="submit" className="btn primary" disabled={busy || !effectiveToken || !siteId.trim()}>
          {t('setup.save')}
        </button>
      </form>
    </Screen>
  );
}
