/**
 * Alerts against the physical world. An alert is false when the logs show the opposite:
 * DOOR_FORCED for an opening the server itself had asked for (a pulse of one of its
 * commands), DOOR_LEFT_OPEN for a door never open that long, UNLOCK_FAILED for a command
 * whose pulse happened, GATEWAY_OFFLINE while the gateway, the server and the database
 * were all up for the whole heartbeat window, OVERDUE or SECURITY_ESCALATION in a run far
 * shorter than any included time, CONTROLLER_UNREACHABLE with no fault of the Modbus link in
 * the 15 s before it. Anything else is not judged (listed, not counted).
 */
import type { ServerAlert, SiteSettings } from '../collect.ts';
import type { Door } from '../history.ts';
import { upIntervals, type PartChange } from '../system/timeline.ts';
import type { DoorHistory } from './physical.ts';
import { commandBefore, type Command } from './pulses.ts';

export interface AlertVerdict {
  alert: ServerAlert;
  label: string;
  verdict: 'true' | 'false' | 'unjudged';
  why: string;
}

export interface AlertContext {
  doors: ReadonlyMap<string, Door>;
  history: DoorHistory;
  commands: readonly Command[];
  settings: SiteSettings;
  changes: readonly PartChange[];
  /** The injected faults: kind and when they were on. */
  faults: ReadonlyArray<{ kind: string; startedAt: number; healedAt: number | null }>;
  from: number;
  until: number;
}

export function judgeAlerts(alerts: readonly ServerAlert[], ctx: AlertContext): AlertVerdict[] {
  return alerts.map((alert) => {
    const door = alert.compartment ? ctx.doors.get(alert.compartment.id) : undefined;
    const label = door?.label ?? '-';
    const at = Date.parse(alert.createdAt);
    const [verdict, why] = judge(alert, at, door, ctx);
    return { alert, label, verdict, why };
  });
}

function judge(
  alert: ServerAlert,
  at: number,
  door: Door | undefined,
  ctx: AlertContext,
): ['true' | 'false' | 'unjudged', string] {
  switch (alert.type) {
    case 'DOOR_FORCED': {
      if (!door) return ['unjudged', 'no compartment'];
      const opening = [...ctx.history.of(door.unitId, door.input)]
        .reverse()
        .find((i) => i.opening.at <= at + 1000);
      if (!opening) return ['false', 'the door never opened'];
      if (opening.opening.cause !== 'pulse') return ['true', `opened by ${opening.opening.cause}`];
      const asked = ctx.commands.find(
        (c) =>
          c.compartmentId === door.compartmentId &&
          c.pulse &&
          c.pulse.startedAt <= opening.opening.at &&
          opening.opening.at - c.pulse.startedAt < 5000,
      );
      return asked
        ? ['false', `opened by the pulse of the unlock requested at ${new Date(asked.at).toISOString()}`]
        : ['true', 'opened by a pulse no command asked for'];
    }
    case 'DOOR_LEFT_OPEN': {
      if (!door) return ['unjudged', 'no compartment'];
      const needMs = ctx.settings.leftOpenSeconds * 1000 - 2000;
      const long = ctx.history
        .of(door.unitId, door.input)
        .some((i) => i.opening.at <= at && (i.closedAt ?? ctx.until) - i.opening.at >= needMs);
      return long ? ['true', 'open long enough'] : ['false', `never open ${ctx.settings.leftOpenSeconds} s`];
    }
    case 'UNLOCK_FAILED': {
      if (!door) return ['unjudged', 'no compartment'];
      const command = commandBefore(ctx.commands, door.compartmentId, at, alert.session?.id ?? null);
      if (!command) return ['unjudged', 'no unlock request before it'];
      return command.pulse
        ? ['false', 'the relay pulsed for that unlock']
        : ['true', 'no pulse for that unlock'];
    }
    case 'GATEWAY_OFFLINE': {
      const window: [number, number] = [at - ctx.settings.gatewayHeartbeatSeconds * 1000, at];
      const allUp = (['gateway', 'server', 'db'] as const).every((part) =>
        upIntervals(ctx.changes, part, ctx.from, ctx.until).some(
          ([s, e]) => s <= window[0] && e >= window[1],
        ),
      );
      return allUp
        ? ['false', 'gateway, server and database were up the whole heartbeat window']
        : ['true', 'a part was down in the window'];
    }
    case 'CONTROLLER_UNREACHABLE': {
      const linkFault = ctx.faults.find(
        (f) =>
          f.kind.startsWith('modbus-') &&
          f.startedAt <= at + 1000 &&
          (f.healedAt ?? ctx.until) >= at - 15_000,
      );
      return linkFault
        ? ['true', `${linkFault.kind} at ${new Date(linkFault.startedAt).toISOString()}`]
        : ['false', 'the relay boards answered throughout'];
    }
    case 'OVERDUE':
    case 'SECURITY_ESCALATION':
      return ['false', 'no session of the run can be overdue'];
    default:
      return ['unjudged', 'not judged by the suite'];
  }
}
