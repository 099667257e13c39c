import { type ApiErrorCode } from '../api/errors';
import { useI18n } from '../i18n/i18n';

/** Explains a failed action in plain words, with an optional retry that reuses the same input. */
export function ErrorNotice({ code, onRetry }: { code: ApiErrorCode | null; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!code) return null;
  return (
    <div className="notice error" role="alert">
      <p>{t(`err.${code}`)}</p>
      {onRetry && code !== 'RATE_LIMITED' ? (
        <button type="button" className="btn secondary" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      ) : null}
    </div>
  );
}
