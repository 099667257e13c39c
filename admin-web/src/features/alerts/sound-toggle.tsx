import { setAlertSoundMuted, useAlertSoundMuted } from './alert-sound';

/** The header's switch for the alert sound (a toggle button, state in aria-pressed). */
export function SoundToggle() {
  const muted = useAlertSoundMuted();
  return (
    <button
      type="button"
      className="sound-toggle"
      aria-pressed={!muted}
      title={muted ? 'Alerts flash but make no sound' : 'New alerts beep'}
      onClick={() => setAlertSoundMuted(!muted)}
    >
      {muted ? 'Alert sound off' : 'Alert sound on'}
    </button>
  );
}
