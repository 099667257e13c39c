import { registerEnumType } from 'type-graphql';

export type AlertType =
  | 'OVERDUE'
  | 'SECURITY_ESCALATION'
  | 'UNLOCK_FAILED'
  | 'DOOR_FORCED'
  | 'DOOR_LEFT_OPEN'
  | 'GATEWAY_OFFLINE'
  | 'CONTROLLER_UNREACHABLE'
  | 'ASSISTANCE_REQUESTED';
export const AlertType = {
  OVERDUE: 'OVERDUE',
  SECURITY_ESCALATION: 'SECURITY_ESCALATION',
  UNLOCK_FAILED: 'UNLOCK_FAILED',
  DOOR_FORCED: 'DOOR_FORCED',
  DOOR_LEFT_OPEN: 'DOOR_LEFT_OPEN',
  GATEWAY_OFFLINE: 'GATEWAY_OFFLINE',
  CONTROLLER_UNREACHABLE: 'CONTROLLER_UNREACHABLE',
  ASSISTANCE_REQUESTED: 'ASSISTANCE_REQUESTED',
} as const;
registerEnumType(AlertType, {
  name: 'AlertType',
  valuesConfig: { CONTROLLER_UNREACHABLE: { description: 'The gateway cannot read a relay board: its doors are UNKNOWN and nothing behind it is opened' } },
});
