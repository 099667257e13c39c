import { type DoorState, type ScanIntent, type SessionStatus } from '../../api/types';

/** Which door operation the kiosk started, from the scan outcome. */
export type OperationKind = 'deposit' | 'retrieval' | 'access';

/** What the person at the kiosk should see while their door operation runs. */
export type Phase = 'unlocking' | 'doorOpen' | 'closing' | 'stored' | 'thanks' | 'notOpened' | 'cancelled';

/**
 * Maps the server's session status and the door sensor to a screen. The server decides every
 * transition; this only chooses words for the state it reports.
 */
export function followPhase(
  session: { status: SessionStatus; intent?: ScanIntent | null },
  door: DoorState,
  seenOpen: boolean,
  kind: OperationKind,
): Phase {
  const doorPhase = (): Phase => (door === 'OPEN' ? 'doorOpen' : seenOpen ? 'closing' : 'unlocking');
  switch (session.status) {
    case 'COMPLETED':
      return 'thanks';
    case 'CANCELLED':
      return 'cancelled';
    case 'CREATED':
      // Unlock failed or the door was not opened in the deposit window: the code still works.
      return 'notOpened';
    case 'DEPOSITING':
    case 'RETRIEVING':
      return doorPhase();
    case 'STORED':
      if (session.intent) return doorPhase(); // an ACCESS opening is under way
      if (kind === 'deposit') return 'stored';
      // Back to STORED after an access (door opened and closed) or after an unlock nobody used.
      return seenOpen ? 'stored' : 'notOpened';
  }
}

/** True while a door is unlocked or open: the kiosk must not reset to its start screen then. */
export function isDoorBusy(phase: Phase): boolean {
  return phase === 'unlocking' || phase === 'doorOpen' || phase === 'closing';
}
