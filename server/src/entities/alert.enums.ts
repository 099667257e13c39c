import { registerEnumType } from 'type-graphql';

export type AlertType =
  | 'OVERDUE'
  | 'SECURITY_ESCALATION'
  | 'UNLOCK_FAILED'
  | 'DOOR_FORCED'
  | 'DOOR_LEFT_OPEN'
  | 'GATEWAY_OFFLINE'
  | 'CONTROLLER_UNREACHABLE'
  | 'ASSISTANCE_REQUESTED'
  | 'ABANDONED';
export const AlertType = {
  OVERDUE: 'OVERDUE',
  SECURITY_ESCALATION: 'SECURITY_ESCALATION',
  UNLOCK_FAILED: 'UNLOCK_FAILED',
  DOOR_FORCED: 'DOOR_FORCED',
  DOOR_LEFT_OPEN: 'DOOR_LEFT_OPEN',
  GATEWAY_OFFLINE: 'GATEWAY_OFFLINE',
  CONTROLLER_UNREACHABLE: 'CONTROLLER_UNREACHABLE',
  ASSISTANCE_REQUESTED: 'ASSISTANCE_REQUESTED',
  ABANDONED: 'ABANDONED',
} as const;
registerEnumType(AlertType, {
  name: 'AlertType',
  valuesConfig: {
    ABANDONED: {
      description:
        "A session overdue past its site's abandonAfterDays: staff may remove the bag to lost property",
    },
    CONTROLLER_UNREACHABLE: {
      description:
        'The gateway cannot read a relay board: its doors are UNKNOWN and nothing behind it is opened',
    },
  },
});
