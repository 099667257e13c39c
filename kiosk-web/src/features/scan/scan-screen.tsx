import { type ApiErrorCode } from '../../api/errors';
import { useI18n } from '../../i18n/i18n';
import { ErrorNotice } from '../../ui/error-notice';
import { Screen } from '../../ui/screen';
import { CameraScanner } from './camera-scanner';

/**
 * "Scan your code": the camera runs here; the hardware scanner works on every kiosk screen.
 * `keepStoring` asks for an ACCESS opening (take something out, keep the locker).
 */
export function ScanScreen({
  busy,
  error,
  keepStoring,
  onKeepStoringChange,
  onCode,
  onRetry,
  onTypeCode,
  onBack,
}: {
  busy: boolean;
  error: ApiErrorCode | null;
  keepStoring: boolean;
  onKeepStoringChange: (value: boolean) => void;
  onCode: (text: string) => void;
  onRetry?: () => void;
  /** Opens the keypad for the short code printed on the ticket. */
  onTypeCode?: () => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  return (
    <Screen title={t('scan.heading')}>
      <p className="lead">{t('scan.hint')}</p>
      <CameraScanner paused={busy} onCode={onCode} />
      {busy ? <p role="status">{t('scan.checking')}</p> : null}
      <ErrorNotice code={error} onRetry={onRetry} />
      <label className="toggle">
        <input
          type="checkbox"
          checked={keepStoring}
          onChange={(e) => onKeepStoringChange(e.target.checked)}
        />
        {t('scan.keepStoring')}
      </label>
      <div className="actions">
        {onTypeCode ? (
          <button type="button" className="btn primary" onClick={onTypeCode}>
            {t('typeCode.open')}
          </button>
        ) : null}
        <button type="button" className="btn secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
