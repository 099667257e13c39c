import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { readShortCode } from './short-code';

/**
 * The code from the ticket, typed on the on-screen keypad: for a phone that will not scan, a
 * crumpled ticket, or a kiosk whose camera and scanner are out of order.
 */
export function TypeCodeScreen({
  busy,
  onCode,
  onBack,
}: {
  busy: boolean;
  onCode: (code: string) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const code = readShortCode(typed);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (code) onCode(code);
  };
  return (
    <Screen title={t('typeCode.heading')}>
      <p className="lead">{t('typeCode.hint')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('typeCode.label')}
          name="short-code"
          layout="code"
          value={typed}
          onChange={(v) => setTyped(v.toUpperCase())}
          maxLength={9}
          placeholder="ABCD-EFGH"
        />
        <div className="actions">
          <button type="submit" className="btn primary" disabled={busy || !code}>
            {busy ? t('common.working') : t('typeCode.submit')}
          </button>
        </div>
      </form>
      <div className="actions">
        <button type="button" className="btn secondary" onClick={onBack}>
          {t('common.back')}
        </button>
      </div>
    </Screen>
  );
}
