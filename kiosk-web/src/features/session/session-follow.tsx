import { useEffect, useState } from 'react';
import { type Session } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { AssistanceButton } from '../help/assistance-button';
import { Feedback } from './feedback';
import { isShortCode } from '../scan/short-code';
import { followPhase, isDoorBusy, type OperationKind } from './phase';
import { SessionView } from './session-view';
import { useSessionFollow } from './use-session-follow';

/**
 * After an unlocking scan: follows the session and its door live ("door open", "close the door",
 * "stored until 18:40", "thank you") and tells the kiosk while a door operation is under way.
 */
export function SessionFollow({
  siteId,
  payload,
  initial,
  label,
  kind,
  onBusyChange,
  onDone,
  onScanAgain,
  onBagDoesNotFit,
  onStoreAgain,
}: {
  siteId: string;
  payload: string;
  initial: Session;
  label: string;
  kind: OperationKind;
  onBusyChange: (busy: boolean) => void;
  onDone: () => void;
  onScanAgain: () => void;
  /** A deposit whose bag does not fit the open locker: choose a larger size. */
  onBagDoesNotFit?: (session: Session) => void;
  /** After a collection: start a new deposit. */
  onStoreAgain?: () => void;
}) {
  const { t } = useI18n();
  // Poll only while the door operation runs; the subscriptions carry on regardless.
  const [polling, setPolling] = useState(true);
  // Remembered here: the help button shows on two screens (unlocking, not opened) but asks once.
  const [helpReference, setHelpReference] = useState<string | null>(null);
  const { session, door, seenOpen } = useSessionFollow(siteId, payload, initial, polling);
  const phase = followPhase(session, door, seenOpen, kind);
  const busy = isDoorBusy(phase);
  useEffect(() => {
    setPolling(busy);
    onBusyChange(busy);
  }, [busy, onBusyChange]);
  useEffect(() => () => onBusyChange(false), [onBusyChange]);
  return (
    <SessionView
      phase={phase}
      kind={kind}
      label={label}
      session={session}
      onDone={onDone}
      onScanAgain={onScanAgain}
      onStoreAgain={onStoreAgain}
      help={
        <AssistanceButton
          siteId={siteId}
          payload={payload}
          compartmentLabel={label}
          requested={helpReference}
          onRequested={setHelpReference}
        />
      }
      bagDoesNotFit={
        kind === 'deposit' && onBagDoesNotFit ? (
          <button type="button" className="btn secondary" onClick={() => onBagDoesNotFit(session)}>
            {t('resize.button')}
          </button>
        ) : null
      }
      // feedback is tied to the QR payload (a short code is only taken at the kiosk's scan)
      feedback={isShortCode(payload) ? null : <Feedback payload={payload} />}
    />
  );
}
