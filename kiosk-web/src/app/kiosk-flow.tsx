import { useCallback, useRef, useState } from 'react';
import { type ScanIntent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ErrorNotice } from '../ui/error-notice';
import { Screen } from '../ui/screen';
import { HelpScreen } from '../features/help/help-screen';
import { ScanOutcomeView } from '../features/scan/scan-outcome-view';
import { ScanScreen } from '../features/scan/scan-screen';
import { TypeCodeScreen } from '../features/scan/type-code-screen';
import { LargerSize } from '../features/session/larger-size';
import { useKeyboardWedge } from '../features/scan/use-keyboard-wedge';
import { useScan } from '../features/scan/use-scan';
import { HomeScreen } from '../features/start/home-screen';
import { SitePhoneLink } from '../features/phone/site-phone-link';
import { StartFlow } from '../features/start/start-flow';
import { Ticket } from '../features/start/ticket';
import { acceptsScans, type KioskState } from './kiosk-state';
import { useInactivity } from './use-inactivity';
import { useUpdateWhenAtRest } from './app-update';
import { useOnline } from '../api/connection';
import { useSiteAnswer } from '../features/offline/offline-scan';
import { SiteDepositScreen } from '../features/offline/site-deposit-screen';
import { SiteDepositTicketView } from '../features/offline/site-deposit-ticket';
import { siteDepositTexts } from '../features/offline/site-deposit-texts';
import { storesAtSite, useSiteStatus } from '../features/offline/use-site-status';

/**
 * How long the "go to your locker" and "door open" screens stay up untouched. The door's own
 * report finishes the deposit or collection whenever it comes; the kiosk does not wait for it,
 * and the scanner works for the next person all along.
 */
export const DOOR_SCREEN_MS = 75_000;

/**
 * The kiosk's screens. Holds only the current person's state; the parent remounts it (new key)
 * on reset so nothing of theirs survives for the next person.
 */
export function KioskFlow({
  siteId,
  idleSeconds,
  lowReach = false,
  onReset,
}: {
  siteId: string;
  idleSeconds: number;
  /** Low reach is on: not the kiosk's rest state, so it times out like a chosen language. */
  lowReach?: boolean;
  onReset: () => void;
}) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<KioskState>({ name: 'home' });
  const [doorBusy, setDoorBusy] = useState(false);
  const [keepStoring, setKeepStoring] = useState(false);
  const lastScan = useRef<{ payload: string; intent: ScanIntent } | null>(null);

  const scan = useScan(siteId, (payload, result, intent) =>
    setState({ name: 'outcome', payload, intent, result }),
  );
  const send = useCallback(
    (payload: string, intent: ScanIntent) => {
      lastScan.current = { payload, intent };
      void scan.run(payload, intent);
    },
    [scan],
  );
  const onScanned = (text: string) => send(text.trim(), keepStoring ? 'ACCESS' : 'RETRIEVE');
  const retryScan = () => {
    if (lastScan.current) send(lastScan.current.payload, lastScan.current.intent);
  };

  // An open door never blocks the next person: their scan replaces this screen.
  useKeyboardWedge(acceptsScans(state) && !scan.busy, onScanned);
  // The start screen in the default language is the rest state; anything else times out, but
  // help: someone waiting for staff (or reading the help line) must not lose the screen.
  useInactivity(
    doorBusy || state.name === 'siteTicket' ? DOOR_SCREEN_MS : idleSeconds * 1000,
    (state.name !== 'home' || lang !== 'en' || lowReach) && state.name !== 'help',
    onReset,
  );
  // A new release waiting in the service worker takes over only when nobody is here.
  const siteAnswer = useSiteAnswer();
  useUpdateWhenAtRest(
    state.name === 'home' && lang === 'en' && !lowReach && !doorBusy && !scan.busy && siteAnswer === null,
  );

  // Server unreachable: storing goes through the site path (free sizes only) while it answers.
  const online = useOnline();
  const site = useSiteStatus(!online);
  const atSite = storesAtSite(online, site.status);

  // Back: this person stays (language too); finish: everything of theirs is dropped.
  const home = () => {
    scan.clearError();
    setState({ name: 'home' });
  };
  const finish = () => onReset();
  let screen;
  switch (state.name) {
    case 'home':
      screen = (
        <HomeScreen
          onStore={() => setState(atSite ? { name: 'siteDeposit' } : { name: 'start' })}
          storeHint={atSite ? siteDepositTexts(lang).storeHint : undefined}
          onScan={() => setState({ name: 'scan' })}
          onHelp={() => setState({ name: 'help', topic: null })}
          phoneLink={<SitePhoneLink siteId={siteId} />}
        />
      );
      break;
    case 'start':
      screen = (
        <StartFlow
          siteId={siteId}
          onIssued={(issued, extras) => setState({ name: 'ticket', issued, extras })}
          onCancel={home}
        />
      );
      break;
    case 'ticket':
      screen = (
        <Screen title={state.extras.recovered ? t('recover.heading') : t('ticket.heading')}>
          <Ticket issued={state.issued} extras={state.extras}>
            <button
              type="button"
              className="btn primary"
              disabled={scan.busy}
              onClick={() => send(state.issued.code.payload, 'RETRIEVE')}
            >
              {scan.busy ? t('common.working') : t('ticket.openNow')}
            </button>
            <button type="button" className="btn secondary" onClick={finish}>
              {t('common.done')}
            </button>
          </Ticket>
        </Screen>
      );
      break;
    case 'siteDeposit':
      screen = (
        <SiteDepositScreen
          status={site.status}
          checked={site.checked}
          refresh={site.refresh}
          serverBack={online}
          onOpened={(ticket) => setState({ name: 'siteTicket', ticket })}
          onUseServer={() => setState({ name: 'start' })}
          onBack={home}
        />
      );
      break;
    case 'siteTicket':
      screen = <SiteDepositTicketView ticket={state.ticket} onDone={finish} />;
      break;
    case 'scan':
      screen = (
        <ScanScreen
          busy={scan.busy}
          error={null}
          keepStoring={keepStoring}
          onKeepStoringChange={setKeepStoring}
          onCode={onScanned}
          onTypeCode={() => setState({ name: 'typeCode' })}
          onBack={home}
        />
      );
      break;
    case 'typeCode':
      screen = (
        <TypeCodeScreen busy={scan.busy} onCode={onScanned} onBack={() => setState({ name: 'scan' })} />
      );
      break;
    case 'outcome':
      screen = (
        <ScanOutcomeView
          key={`${state.payload}:${state.result.outcome}`}
          siteId={siteId}
          payload={state.payload}
          result={state.result}
          onBusyChange={setDoorBusy}
          onDone={finish}
          onScanAgain={() => setState({ name: 'scan' })}
          onPaid={() => send(state.payload, state.intent)}
          onLostCode={() => setState({ name: 'help', topic: 'lost' })}
          onStoreAgain={() => {
            lastScan.current = null; // the collected code is not this deposit's to retry
            setState({ name: 'start' });
          }}
          onBagDoesNotFit={(session) =>
            setState({
              name: 'resize',
              payload: state.payload,
              session,
              label: state.result.compartment?.label ?? session.compartment?.label ?? '',
              from: { payload: state.payload, intent: state.intent, result: state.result },
            })
          }
        />
      );
      break;
    case 'resize':
      screen = (
        <LargerSize
          siteId={siteId}
          payload={state.payload}
          size={state.session.size}
          label={state.label}
          onResult={(result) =>
            setState({ name: 'outcome', payload: state.payload, intent: 'RETRIEVE', result })
          }
          onBack={() => setState({ name: 'outcome', ...state.from })}
        />
      );
      break;
    case 'help':
      screen = (
        <HelpScreen
          siteId={siteId}
          initialTopic={state.topic}
          onRecovered={(issued) =>
            setState({ name: 'ticket', issued, extras: { hasContact: true, recovered: true } })
          }
          onBack={home}
        />
      );
      break;
  }
  return (
    <>
      {scan.busy ? (
        <p className="notice" role="status">
          {t('scan.checking')}
        </p>
      ) : null}
      <ErrorNotice code={scan.error} onRetry={retryScan} />
      {screen}
    </>
  );
}
