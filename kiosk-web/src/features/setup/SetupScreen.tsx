import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/Screen';
import { DEFAULT_IDLE_SECONDS, type KioskConfig } from './kiosk-config';
import { findKioskSite, verifyKiosk } from './verify-kiosk';

/**
 * The operator's one-time set-up: the kiosk device token (never shown again once saved), the site
 * (found from the token when the server says which one, else typed in) and the idle timeout.
 */
export function SetupScreen({ current, onSaved }: { current: KioskConfig | null; onSaved: (config: KioskConfig) => void }) {
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
        <label>
          {t('setup.token')}
          <input
            name="token"
            type="password"
            autoComplete="off"
            value={token}
            placeholder={current ? t('setup.tokenKeep') : ''}
            onChange={(e) => setToken(e.target.value)}
          />
        </label>
        <button type="button" className="btn secondary" disabled={busy || !effectiveToken} onClick={() => void findSite()}>
          {t('setup.findSite')}
        </button>
        <label>
          {t('setup.siteId')}
          <input name="siteId" autoComplete="off" value={siteId} onChange={(e) => setSiteId(e.target.value)} />
        </label>
        <label>
          {t('setup.idle')}
          <input name="idleSeconds" type="number" min={10} inputMode="numeric" value={idle} onChange={(e) => setIdle(e.target.value)} />
        </label>
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
