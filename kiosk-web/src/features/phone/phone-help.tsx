import { useI18n } from '../../i18n/i18n';
import { AssistanceButton } from '../help/assistance-button';
import { SiteHelpFacts } from '../help/site-help';

/** Reason sent with the alert: staff read it in the admin app, in English. */
export const HELP_FROM_PHONE = 'Help requested from the phone page';

/** Help from the phone: the site's help line to dial, and a request to staff with a reference. */
export function PhoneHelp({ siteId, payload }: { siteId: string; payload: string | null }) {
  const { t } = useI18n();
  return (
    <div>
      <h1>{t('help.heading')}</h1>
      <SiteHelpFacts siteId={siteId} dial />
      <p>{t('help.askStaff')}</p>
      <div className="actions">
        <AssistanceButton
          siteId={siteId}
          payload={payload}
          label={t('help.callStaff')}
          reason={HELP_FROM_PHONE}
        />
      </div>
    </div>
  );
}
