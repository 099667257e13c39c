import { useI18n } from '../../i18n/i18n';

/**
 * The low-reach switch, at the foot of every kiosk screen (within reach from a wheelchair or for
 * a child). When on, the kiosk keeps every control in the lower half of the screen: see the
 * `.low-reach` rules in styles.css (the upper half is an empty panel, content scrolls below it,
 * the language switch moves down).
 */
export function LowReachSwitch({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useI18n();
  return (
    <footer className="reach-bar no-print">
      <button
        type="button"
        className={on ? 'btn secondary reach-toggle active' : 'btn secondary reach-toggle'}
        aria-pressed={on}
        onClick={() => onChange(!on)}
      >
        {t('reach.toggle')}
      </button>
    </footer>
  );
}

/** The empty upper half in low-reach mode: says why the screen looks like this. */
export function LowReachSpacer() {
  const { t } = useI18n();
  return (
    <div className="reach-spacer no-print">
      <p>{t('reach.explain')}</p>
    </div>
  );
}
