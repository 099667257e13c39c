/** The checker: the final picture and the history in, the figures and every finding out. */
import type { Picture } from '../collect.ts';
import type { Door, History } from '../history.ts';
import type { PartChange } from '../system/timeline.ts';
import { judgeAlerts, type AlertVerdict } from './alerts.ts';
import { checkDoorEvents, type DoorEventFinding } from './door-events.ts';
import { checkPayments, type PaymentFinding } from './payments.ts';
import { DoorHistory } from './physical.ts';
import { checkPulses, type PulseCheck } from './pulses.ts';
import { checkSessions, type SessionCheck } from './sessions.ts';
import { findStranded, type StrandedJourney } from './stranded.ts';

export interface Figures {
  faults: number;
  operations: number;
  deposits: number;
  collections: number;
  sessionsLost: number;
  unobservable: number;
  pulses: number;
  pulsesDoubled: number;
  pulsesMissed: number;
  alerts: number;
  falseAlerts: number;
  doorEventsContradicted: number;
  paymentsWrong: number;
  /** Travellers who gave up a deposit or collection although the system served for most of it. */
  journeysStranded: number;
  /** Longest time from a fault's heal to the system serving again; null: none measured. */
  longestRecoveryMs: number | null;
  notRecovered: number;
}

export interface Verdict {
  ok: boolean;
  figures: Figures;
  sessions: SessionCheck;
  pulses: PulseCheck;
  alerts: AlertVerdict[];
  doorEvents: DoorEventFinding[];
  payments: PaymentFinding[];
  stranded: StrandedJourney[];
}

export interface CheckInput {
  history: History;
  picture: Picture;
  doors: readonly Door[];
  changes: readonly PartChange[];
  from: number;
  until: number;
}

export function check({ history, picture, doors, changes, from, until }: CheckInput): Verdict {
  const byId = new Map(doors.map((d) => [d.compartmentId, d]));
  const doorHistory = new DoorHistory(picture.doorLog);
  const sessions = checkSessions(history, picture.sessions, byId, doorHistory, changes, from, until);
  const pulses = checkPulses(
    picture.doorEvents,
    picture.pulses,
    doors,
    picture.settings.unlockAckTimeoutSeconds,
  );
  const alerts = judgeAlerts(picture.alerts, {
    doors: byId,
    history: doorHistory,
    commands: pulses.commands,
    settings: picture.settings,
    changes,
    faults: history.faults,
    from,
    until,
  });
  const doorEvents = checkDoorEvents(picture.doorEvents, byId, doorHistory);
  const payments = checkPayments(history, picture.sessions).findings;
  const stranded = findStranded(history.anomalies, history.faults, until);
  const recoveries = history.faults
    .filter((f) => f.healedAt !== null && f.recoveredAt !== null)
    .map((f) => f.recoveredAt! - f.healedAt!);
  const figures: Figures = {
    faults: history.faults.length,
    operations: history.operations.length,
    deposits: history.deposits.length,
    collections: history.retrievals.length,
    sessionsLost: sessions.lost.length,
    unobservable: sessions.unobservable.length,
    pulses: pulses.pulses,
    pulsesDoubled: pulses.doubled.length,
    pulsesMissed: pulses.missed.length,
    alerts: alerts.length,
    falseAlerts: alerts.filter((a) => a.verdict === 'false').length,
    doorEventsContradicted: doorEvents.length,
    paymentsWrong: payments.length,
    journeysStranded: stranded.length,
    longestRecoveryMs: recoveries.length ? Math.max(...recoveries) : null,
    notRecovered: history.faults.filter((f) => f.recoveredAt === null).length,
  };
  const ok =
    figures.sessionsLost === 0 &&
    figures.pulsesDoubled === 0 &&
    figures.pulsesMissed === 0 &&
    figures.falseAlerts === 0 &&
    figures.doorEventsContradicted === 0 &&
    figures.paymentsWrong === 0 &&
    figures.journeysStranded === 0;
  return { ok, figures, sessions, pulses, alerts, doorEvents, payments, stranded };
}
