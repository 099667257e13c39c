import { useOnline } from '../../api/connection';
import { useI18n } from '../../i18n/i18n';
import { clearSiteAnswer, useSiteAnswer } from './offline-scan';
import { offlineTexts } from './offline-texts';
import { sitePathUrl } from './site-path-config';

/**
 * While the server cannot be reached and the kiosk has a site path: says the site is offline
 * and what still works, and shows the site's answer to the last scan.
 */
export function SiteFallbackPanel() {
  const online = useOnline();
  const answer = useSiteAnswer();
  const { lang } = useI18n();
  if (!sitePathUrl()) return null;
  const texts = offlineTexts(lang);
  return (
    <div className="site-fallback" role="status" aria-live="polite" data-testid="site-fallback">
      {online ? null : (
        <div className="notice banner">
          <strong>{texts.banner}</strong> {texts.works}
        </div>
      )}
      {answer ? (
        <div className={`notice ${answer.ok ? 'success' : 'error'}`} data-testid="site-answer">
          <p>{answer.ok ? texts.opened(answer.compartmentLabel) : texts.refusals[answer.refusal]}</p>
          <button type="button" className="btn" onClick={clearSiteAnswer}>
            {texts.done}
          </button>
        </div>
      ) : null}
    </div>
  );
}
