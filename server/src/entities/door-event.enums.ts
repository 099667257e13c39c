import { registerEnumType } from 'type-graphql';

export type DoorEventType =
  'UNLOCK_REQUESTED' | 'UNLOCKED' | 'UNLOCK_FAILED' | 'OPENED' | 'CLOSED' | 'FORCED_OPEN' | 'LEFT_OPEN';
export const DoorEventType = {
  UNLOCK_REQUESTED: 'UNLOCK_REQUESTED',
  UNLOCKED: 'UNLOCKED',
  UNLOCK_FAILED: 'UNLOCK_FAILED',
  OPENED: 'OPENED',
  CLOSED: 'CLOSED',
  FORCED_OPEN: 'FORCED_OPEN',
  LEFT_OPEN: 'LEFT_OPEN',
} as const;
registerEnumType(DoorEventType, { name: 'DoorEventType' });
