import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { playAlertTone } from './alert-cue';
import { isAlertSoundMuted } from './alert-sound';
import { SoundToggle } from './sound-toggle';

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('alert sound switch', () => {
  it('mutes, is remembered in localStorage, and unmutes', async () => {
    const user = userEvent.setup();
    const first = render(<SoundToggle />);
    const button = screen.getByRole('button', { name: /Alert sound on/ });
    expect(button.getAttribute('aria-pressed')).toBe('true');
    await user.click(button);
    expect(screen.getByRole('button', { name: /Alert sound off/ }).getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect(isAlertSoundMuted()).toBe(true);

    // A later page load starts muted.
    first.unmount();
    render(<SoundToggle />);
    await user.click(screen.getByRole('button', { name: /Alert sound off/ }));
    expect(isAlertSoundMuted()).toBe(false);
  });

  it('plays no tone while muted', () => {
    const created = vi.fn();
    class FakeAudio {
      currentTime = 0;
      destination = {};
      constructor() {
        created();
      }
      createOscillator() {
        return {
          frequency: { value: 0 },
          connect: (n: unknown) => n,
          start: () => undefined,
          stop: () => undefined,
        };
      }
      createGain() {
        return {
          gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
          connect: (n: unknown) => n,
        };
      }
    }
    vi.stubGlobal('AudioContext', FakeAudio);
    localStorage.setItem('lockers.admin.alertSoundMuted', '1');
    playAlertTone();
    expect(created).not.toHaveBeenCalled();
    localStorage.clear();
    playAlertTone();
    expect(created).toHaveBeenCalledTimes(1);
  });
});
