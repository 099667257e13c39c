import { useState } from 'react';
import { I18nProvider } from '../i18n/i18n';
import { PhoneApp } from '../features/phone/phone-app';
import { loadKioskConfig, saveKioskConfig, type KioskConfig } from '../features/setup/kiosk-config';
import { SetupScreen } from '../features/setup/setup-screen';
import { OnScreenKeyboardContext } from '../ui/keyboard/keyboard-context';
import { KioskApp } from './kiosk-app';
import { type Route } from './route';

/** Chooses the phone page or the kiosk; the kiosk shows set-up until it has a token and a site. */
export function Root({ route }: { route: Route }) {
  const [config, setConfig] = useState<KioskConfig | null>(() => loadKioskConfig());
  const [setup, setSetup] = useState(route.kind === 'kiosk' && route.setup);
  if (route.kind === 'phone') return <PhoneApp address={route.address} />;
  if (!config || setup) {
    return (
      <I18nProvider>
        {/* Staff at a touch-only kiosk: the fields bring the on-screen keyboard (or scan the token's QR code). */}
        <OnScreenKeyboardContext.Provider value>
          <main className="kiosk">
            <SetupScreen
              current={config}
              onSaved={(next) => {
                saveKioskConfig(next);
                setConfig(next);
                setSetup(false);
                // Drop ?setup so a reload starts the kiosk, not the set-up screen.
                window.history.replaceState(null, '', window.location.pathname);
              }}
            />
          </main>
        </OnScreenKeyboardContext.Provider>
      </I18nProvider>
    );
  }
  return <KioskApp config={config} onSetup={() => setSetup(true)} />;
}
