/**
 * Pulses against commands: every UNLOCK_REQUESTED the server recorded may cause at most one
 * pulse of its compartment's relay, within the command's life (issued .. expiry); a pulse
 * no command accounts for is doubled (or unrequested). An unlock the server records as
 * UNLOCKED whose command has no pulse is a missed pulse (the server believes a door was
 * released that never was).
 */
import type { PulseRecord } from '../../../lock-gateway/src/simulator/sim-unit.ts';
import type { ServerDoorEvent } from '../collect.ts';
import type { Door } from '../history.ts';

/** Slack for the two clocks' readings (same machine, different processes). */
const SLACK_MS = 250;

export interface Command {
  event: ServerDoorEvent;
  compartmentId: string;
  at: number;
  expiresAt: number;
  pulse: PulseRecord | null;
}

export interface PulseCheck {
  commands: Command[];
  pulses: number;
  doubled: Array<{ pulse: PulseRecord; label: string }>;
  missed: Array<{ command: Command; label: string }>;
}

export function checkPulses(
  events: readonly ServerDoorEvent[],
  pulses: readonly PulseRecord[],
  doors: readonly Door[],
  ackTimeoutS: number,
): PulseCheck {
  const doorByCoil = new Map(doors.map((d) => [`${d.unitId}:${d.coil}`, d]));
  const commands: Command[] = events
    .filter((e) => e.type === 'UNLOCK_REQUESTED')
    .map((e) => {
      const at = Date.parse(e.at);
      return {
        event: e,
        compartmentId: e.compartment.id,
        at,
        expiresAt: at + ackTimeoutS * 1000,
        pulse: null,
      };
    })
    .sort((a, b) => a.at - b.at);
  const doubled: PulseCheck['doubled'] = [];
  for (const p of [...pulses].sort((a, b) => a.startedAt - b.startedAt)) {
    const door = doorByCoil.get(`${p.unitId}:${p.coil}`);
    if (!door) continue; // a relay no compartment uses
    const command = commands.find(
      (c) =>
        c.compartmentId === door.compartmentId &&
        !c.pulse &&
        p.startedAt >= c.at - SLACK_MS &&
        p.startedAt <= c.expiresAt + SLACK_MS,
    );
    if (command) command.pulse = p;
    else doubled.push({ pulse: p, label: door.label });
  }
  const labels = new Map(doors.map((d) => [d.compartmentId, d.label]));
  const missed: PulseCheck['missed'] = [];
  for (const e of events.filter((x) => x.type === 'UNLOCKED')) {
    const at = Date.parse(e.at);
    const command = commandBefore(commands, e.compartment.id, at, e.session?.id ?? null);
    if (command && !command.pulse) missed.push({ command, label: labels.get(command.compartmentId) ?? '?' });
  }
  return { commands, pulses: pulses.length, doubled, missed };
}

/** The command an outcome event on `compartmentId` at `at` belongs to: the latest before it (same session). */
export function commandBefore(
  commands: readonly Command[],
  compartmentId: string,
  at: number,
  sessionId: string | null,
): Command | undefined {
  let found: Command | undefined;
  for (const c of commands) {
    if (c.compartmentId !== compartmentId || c.at > at + SLACK_MS) continue;
    if (sessionId && c.event.session && c.event.session.id !== sessionId) continue;
    found = c;
  }
  return found;
}
