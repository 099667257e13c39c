import { type IssuedCode, type ScanIntent, type ScanResult, type Session } from '../api/types';
import { type SiteDepositTicket } from '../features/offline/site-deposits';
import { type TicketExtras } from '../features/start/ticket';

/** Every screen of the kiosk and the data it holds; reset returns to `home` and drops the rest. */
export type KioskState =
  | { name: 'home' }
  | { name: 'start' }
  | { name: 'ticket'; issued: IssuedCode; extras: TicketExtras }
  | { name: 'siteDeposit' }
  | { name: 'siteTicket'; ticket: SiteDepositTicket }
  | { name: 'scan' }
  | { name: 'typeCode' }
  | { name: 'outcome'; payload: string; intent: ScanIntent; result: ScanResult }
  | { name: 'help'; topic: 'door' | 'lost' | null }
  | {
      name: 'resize';
      payload: string;
      session: Session;
      label: string;
      /** The door screen to go back to. */
      from: { payload: string; intent: ScanIntent; result: ScanResult };
    };

/** Screens where a hardware scanner's code is taken as a scan. */
export function acceptsScans(state: KioskState): boolean {
  return (
    state.name === 'home' ||
    state.name === 'scan' ||
    state.name === 'ticket' ||
    state.name === 'outcome' ||
    // help stays up until left: the next person's scan must still work (text fields keep their keys)
    state.name === 'help'
  );
}
