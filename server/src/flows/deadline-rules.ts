import { PRESENCE_EXPIRY_MS } from '../modules/devices/presence.js';
import { KIOSK_QUIET_MS } from '../auth/kiosk-sightings.js';

/**
 * Every clock-driven rule, as the SQL that finds what is due. The state that decides a rule
 * lives in the rows themselves (statuses, timestamps, "alerted" flags), so a rule fires once
 * however many servers run it (rows are claimed FOR UPDATE SKIP LOCKED and re-checked), and
 * a server that was down catches up on its next pass. `?` is the current time.
 *
 * Rules about doors judge by reading time, and only over a span the door readings cover:
 * the compartment's controller was read without a break (`gateway_controller.since`) from
 * before the span began up to its end (`last_good_read_at`, sent by the gateway only once
 * every change read before it was delivered). A server back from a restart, a gateway that
 * was away or a controller that stopped answering therefore never makes a timer judge a
 * door by what it has not yet heard: the rule waits for the readings.
 */
export const DEADLINE_RULES = {
  codeExpired: `select s.id from storage_session s join site on site.id = s.site_id
    where s.status = 'CREATED' and coalesce(s.op_started_at, s.created_at) + make_interval(mins => site.code_lifetime_minutes) < ?`,
  holdExpired: `select s.id from storage_session s
    where s.status = 'CREATED' and s.hold_until is not null and s.hold_until < ?`,
  unlockUnacknowledged: `select c.id from gateway_command c
    where c.acked_at is null and c.result is null and c.expires_at + interval '2 seconds' < ?`,
  doorNotOpened: `select s.id from storage_session s join site on site.id = s.site_id
      join compartment cp on cp.id = s.compartment_id join locker_bank b on b.id = cp.bank_id
      join gateway_controller gc on gc.gateway_id = b.gateway_id and gc.endpoint = b.modbus_endpoint
    where s.status in ('DEPOSITING','RETRIEVING') and not s.op_door_opened
      and s.op_started_at + make_interval(secs => site.unlock_ack_timeout_seconds + site.deposit_window_seconds) < ?
      and gc.up and gc.since <= s.op_started_at
      and gc.last_good_read_at >= s.op_started_at + make_interval(secs => site.unlock_ack_timeout_seconds + site.deposit_window_seconds)`,
  doorUnconfirmed: `select s.id from storage_session s join site on site.id = s.site_id
      join compartment cp on cp.id = s.compartment_id join locker_bank b on b.id = cp.bank_id
      join gateway_controller gc on gc.gateway_id = b.gateway_id and gc.endpoint = b.modbus_endpoint
    where s.status in ('DEPOSITING','RETRIEVING') and not s.op_door_opened
      and s.op_started_at + make_interval(secs => site.unlock_ack_timeout_seconds + site.deposit_window_seconds) < ?
      and gc.up and gc.since > s.op_started_at
      and gc.last_good_read_at >= s.op_started_at + make_interval(secs => site.unlock_ack_timeout_seconds + site.deposit_window_seconds)`,
  doorLeftOpen: `select c.id from compartment c join site on site.id = c.site_id join locker_bank b on b.id = c.bank_id
      join gateway_controller gc on gc.gateway_id = b.gateway_id and gc.endpoint = b.modbus_endpoint
    where c.door_state = 'OPEN' and not c.left_open_alerted
      and c.door_changed_at + make_interval(secs => site.left_open_seconds) < ?
      and gc.last_good_read_at >= c.door_changed_at + make_interval(secs => site.left_open_seconds)`,
  reminderDue: `select s.id from storage_session s
    where s.status = 'STORED' and not s.reminder_sent and (s.contact_email is not null or s.contact_phone is not null)
      and s.due_at - least(interval '30 minutes', make_interval(mins => s.included_minutes) / 4) < ?`,
  overdue: `select s.id from storage_session s
    where s.status in ('STORED','RETRIEVING') and not s.overdue_alerted and s.due_at + make_interval(mins => s.grace_minutes) < ?`,
  securityEscalation: `select s.id from storage_session s
    where s.status in ('STORED','RETRIEVING') and s.overdue_alerted and not s.security_alerted
      and s.due_at + make_interval(mins => s.grace_minutes + s.security_alert_after_minutes) < ?`,
  abandoned: `select s.id from storage_session s join site on site.id = s.site_id
    where s.status = 'STORED' and s.abandoned_at is null and s.due_at is not null
      and s.due_at + make_interval(mins => s.grace_minutes, days => site.abandon_after_days) < ?`,
  doorsOfAbsentGateway: `select c.id from compartment c join locker_bank b on b.id = c.bank_id join gateway g on g.id = b.gateway_id
    where c.door_state <> 'UNKNOWN' and (g.last_seen_at is null or g.last_seen_at < ?::timestamptz - interval '${PRESENCE_EXPIRY_MS} milliseconds')`,
  gatewayAbsent: `select g.id from gateway g
    where not g.absent_announced and g.last_seen_at < ?::timestamptz - interval '${PRESENCE_EXPIRY_MS} milliseconds'`,
  gatewaySilent: `select g.id from gateway g join site on site.id = g.site_id
    where not g.offline_alerted and g.last_seen_at is not null
      and g.last_seen_at + make_interval(secs => site.gateway_heartbeat_seconds) < ?`,
  /** An outage alert whose gateway is heard from again: resolved (the index alert_outage_open finds them). */
  outageOver: `select a.id from alert a join gateway g on g.id = a.gateway_id
    where a.resolved_at is null and a.type in ('GATEWAY_OFFLINE','SITE_OFFLINE')
      and g.last_seen_at >= ?::timestamptz - interval '${PRESENCE_EXPIRY_MS} milliseconds'`,
  /** A kiosk in service not heard from for KIOSK_QUIET_MS: one KIOSK_QUIET per quiet spell. */
  kioskQuiet: `select k.id from kiosk k join site on site.id = k.site_id
    where not k.quiet_alerted and k.token_hash is not null and site.retired_at is null
      and k.last_seen_at < ?::timestamptz - interval '${KIOSK_QUIET_MS} milliseconds'`,
  /** A quiet kiosk heard from again: its KIOSK_QUIET resolved. */
  kioskHeard: `select k.id from kiosk k
    where k.quiet_alerted and k.last_seen_at >= ?::timestamptz - interval '${KIOSK_QUIET_MS} milliseconds'`,
} as const;

export type DeadlineRule = keyof typeof DEADLINE_RULES;
