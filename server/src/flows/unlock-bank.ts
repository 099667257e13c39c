import type { LockerBankEntity } from '../entities/locker-bank.entity.js';

/** The bank fields an unlock needs (read with the compartment by scans and holds). */
export type UnlockBank = Pick<LockerBankEntity, 'label' | 'gatewayId' | 'modbusEndpoint'>;
