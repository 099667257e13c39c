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
  | 'ABANDONED'
  | 'OFFLINE_CONFLICT'
  | 'SITE_OFFLINE'
  | 'KIOSK_QUIET';
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
  OFFLINE_CONFLICT: 'OFFLINE_CONFLICT',
  SITE_OFFLINE: 'SITE_OFFLINE',
  KIOSK_QUIET: 'KIOSK_QUIET',
} as const;
registerEnumType(AlertType, {
  name: 'AlertType',
  valuesConfig: {
    SITE_OFFLINE: {
      description:
        'A gateway that runs the site path has not been heard from within its heartbeat window: the site opens stored, paid bags on its own and replays what it did on return (resolved then)',
    },
    GATEWAY_OFFLINE: {
      description:
        'A gateway without the site path has not been heard from within its heartbeat window: nothing behind it opens (resolved on its return)',
    },
    OFFLINE_CONFLICT: {
      description:
        'A door opened at the site while it was cut off, for a session the server had changed meanwhile (see siteOfflineEvents)',
    },
    ABANDONED: {
      description:
        "A session overdue past its site's abandonAfterDays: staff may remove the bag to lost property",
    },
    KIOSK_QUIET: {
      description:
        'A kiosk in service has not called the server for 3 minutes (resolved when it is heard again)',
    },
    CONTROLLER_UNREACHABLE: {
      description:
        'The gateway cannot read a relay board: its doors are UNKNOWN and nothing behind it is opened',
    },
  },
});
