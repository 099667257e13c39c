import { useState } from 'react';
import { type IssuedCode } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { AssistanceButton } from './assistance-button';
import { LostCode } from './lost-code';
import { SiteHelpFacts } from './site-help';

/**
 * Help from the start screen: the site's help line, call staff because a door did not open, or
 * recover a lost code. The kiosk does not time out back to start while it is shown.
 */
export function HelpScreen({
  siteId,
  initialTopic = null,
  onRecovered,
  onBack,
}: {
  siteId: string;
  initialTopic?: 'door' | 'lost' | null;
  onRecovered: (issued: IssuedCode) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const [topic, setTopic] = useState<'door' | 'lost' | null>(initialTopic);
  const [locker, setLocker] = useState('');
  const back = (
    <button
      type="button"
      className="btn secondary"
      onClick={topic && !initialTopic ? () => setTopic(null) : onBack}
    >
      {t('common.back')}
    </button>
  );
  if (topic === 'lost') {
    return (
      <Screen title={t('recover.heading')}>
        <LostCode siteId={siteId} onRecovered={onRecovered} />
        <div className="actions">{back}</div>
      </Screen>
    );
  }
  if (topic === 'door') {
    return (
      <Screen title={t('help.doorDidNotOpen')}>
        <TextField
          label={t('help.lockerLabel')}
          name="locker"
          layout="label"
          value={locker}
          onChange={(v) => setLocker(v.toUpperCase())}
          maxLength={8}
        />
        <SiteHelpFacts siteId={siteId} />
        <div className="actions">
          <AssistanceButton
            siteId={siteId}
            compartmentLabel={locker.trim() || null}
            label={t('help.callStaff')}
          />
        </div>
        <div className="actions">{back}</div>
      </Screen>
    );
  }
  return (
    <Screen title={t('help.heading')}>
      <SiteHelpFacts siteId={siteId} />
      <div className="choices">
        <button type="button" className="btn choice" onClick={() => setTopic('door')}>
          {t('help.doorDidNotOpen')}
        </button>
        <button type="button" className="btn choice" onClick={() => setTopic('lost')}>
          {t('help.lostCode')}
        </button>
      </div>
      <div className="actions">{back}</div>
    </Screen>
  );
}
