// The sound half of the alert cue: a short two-tone beep from WebAudio (no asset to load).
// Browsers only allow audio after a user gesture; signing in counts, and failures are silent
// because the visual cue is always shown as well.
import { isAlertSoundMuted } from './alert-sound';

let ctx: AudioContext | null = null;

/** Plays a short beep if the browser allows it and the operator has not muted it. */
export function playAlertTone(): void {
  if (isAlertSoundMuted()) return;
  try {
    const Ctor = window.AudioContext;
    if (!Ctor) return;
    ctx ??= new Ctor();
    const now = ctx.currentTime;
    for (const [i, freq] of [880, 660].entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.15, now + i * 0.18);
      gain.gain.exponentialRampToValueAtTime(0.001, now + i * 0.18 + 0.16);
      osc.connect(gain).connect(ctx.destination);
      osc.start(now + i * 0.18);
      osc.stop(now + i * 0.18 + 0.17);
    }
  } catch {
    // No audio: the flashing panel and the live region still announce the alert.
  }
}
