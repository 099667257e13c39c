import type { LockerBankEntity } from '../entities/locker-bank.entity.js';

/** The bank fields an unlock needs (read with the compartment by scans and holds). */
export type UnlockBank = Pick<LockerBankEntity, 'label' | 'gatewayId' | 'modbusEndpoint'> & {
  /** Whether its lock could be driven (`OPENABLE_SQL`) at the unlock's time, read with the compartment. */
  openable?: boolean;
};
