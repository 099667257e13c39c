import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { type ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from '../api/client';
import { I18nProvider, useI18n } from '../i18n/i18n';
import { LanguageSwitch } from '../i18n/language-switch';
import { ConnectionBanner } from '../ui/connection-banner';
import { SiteFallbackPanel } from '../features/offline/site-fallback-panel';
import { OnScreenKeyboardContext } from '../ui/keyboard/keyboard-context';
import { type KioskConfig } from '../features/setup/kiosk-config';
import { useLongPress } from '../features/setup/use-long-press';
import { LowReachSpacer, LowReachSwitch } from '../features/reach/low-reach';
import { KioskFlow } from './kiosk-flow';
import { SiteNameLabel } from '../features/start/site-name-label';

function KioskHeader({ siteId, onSetup }: { siteId: string; onSetup: () => void }) {
  const { t } = useI18n();
  const press = useLongPress(onSetup);
  return (
    <header className="top no-print">
      <div>
        {/* Staff hold the title for 3 s to reopen the set-up screen. */}
        <p className="brand" {...press}>
          {t('app.title')}
        </p>
        <SiteNameLabel siteId={siteId} />
      </div>
      <LanguageSwitch />
    </header>
  );
}

/**
 * The kiosk's frame for one person: header, banners, the screen and the low-reach switch. Inside
 * the per-person remount, so low reach (like the language) ends with the person.
 */
function KioskFrame({
  siteId,
  onSetup,
  children,
}: {
  siteId: string;
  onSetup: () => void;
  children: (lowReach: boolean) => ReactNode;
}) {
  const [lowReach, setLowReach] = useState(false);
  return (
    <div className={lowReach ? 'kiosk low-reach' : 'kiosk'}>
      {lowReach ? <LowReachSpacer /> : null}
      <KioskHeader siteId={siteId} onSetup={onSetup} />
      <ConnectionBanner />
      <SiteFallbackPanel />
      <main>{children(lowReach)}</main>
      <LowReachSwitch on={lowReach} onChange={setLowReach} />
    </div>
  );
}

/**
 * The kiosk around a given Apollo client. A reset (inactivity or "done") clears the cache and
 * remounts everything below, language included, so the next person sees nothing of the last one.
 */
export function KioskShell({
  client,
  siteId,
  idleSeconds,
  onSetup,
}: {
  client: ApolloClient;
  siteId: string;
  idleSeconds: number;
  onSetup: () => void;
}) {
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => {
    void client.clearStore();
    setGeneration((g) => g + 1);
  }, [client]);
  return (
    <ApolloProvider client={client}>
      <I18nProvider key={generation}>
        <OnScreenKeyboardContext.Provider value>
          <KioskFrame siteId={siteId} onSetup={onSetup}>
            {(lowReach) => (
              <KioskFlow siteId={siteId} idleSeconds={idleSeconds} lowReach={lowReach} onReset={reset} />
            )}
          </KioskFrame>
        </OnScreenKeyboardContext.Provider>
      </I18nProvider>
    </ApolloProvider>
  );
}

/** The kiosk with its device token from the set-up screen. */
export function KioskApp({ config, onSetup }: { config: KioskConfig; onSetup: () => void }) {
  const client = useMemo(() => createApolloClient(config.token), [config.token]);
  return (
    <KioskShell client={client} siteId={config.siteId} idleSeconds={config.idleSeconds} onSetup={onSetup} />
  );
}
