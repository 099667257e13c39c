// Bulk-add of a locker bank: "24 compartments, 6 of each size, coils 0-23" becomes the
// CompartmentInput list createLockerBank takes. Pure, tested in bank-layout.test.ts.
// The server validates again; this gives the admin a preview and early, precise errors.
import type { CompartmentInput, CompartmentSize } from '../../api/generated/graphql';

export const SIZES: readonly CompartmentSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'XLARGE'];

/** The form as typed (strings, straight from inputs). */
export interface BankDraft {
  bankLabel: string;
  modbusEndpoint: string;
  unitId: string;
  labelPrefix: string;
  firstNumber: string;
  counts: Record<CompartmentSize, string>;
  firstCoil: string;
  firstDoorInput: string;
  /** Board profile preset (BoardProfile.preset) and the door sensors' kind. */
  boardPreset: string;
  doorSensors: DoorSensors;
}

/** Normally-open sensors read 1 when the door is open; normally-closed ones read 1 when it is shut. */
export type DoorSensors = 'NO' | 'NC';

export type BankField = Exclude<keyof BankDraft, 'counts'> | 'counts';

/** Where an existing compartment is wired (Compartment.modbus, ADMIN only). */
export interface ExistingAddress {
  label: string;
  endpoint: string;
  unitId: number;
  coil: number;
  doorInput: number;
}

/** What is already at the site: labels are unique per site, relay addresses per bus. */
export interface ExistingLayout {
  labels: ReadonlySet<string>;
  addresses: readonly ExistingAddress[];
}

const NOTHING: ExistingLayout = { labels: new Set(), addresses: [] };

// "TCP://Host:502" and "tcp://host:502" are the same bus.
const sameBus = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function listed(items: readonly string[]): string {
  return `${items.slice(0, 5).join(', ')}${items.length > 5 ? '…' : ''}`;
}

/** The result: either errors by field, or the compartments to create. */
export type BankLayoutResult =
  { ok: true; compartments: CompartmentInput[] } | { ok: false; errors: Partial<Record<BankField, string>> };

/** A sensible starting draft for a bank labelled `label`. */
export function defaultBankDraft(label = ''): BankDraft {
  return {
    bankLabel: label,
    modbusEndpoint: 'tcp://127.0.0.1:5020',
    unitId: '1',
    labelPrefix: label,
    firstNumber: '1',
    counts: { SMALL: '6', MEDIUM: '6', LARGE: '6', XLARGE: '6' },
    firstCoil: '0',
    firstDoorInput: '0',
    boardPreset: 'generic-coil',
    doorSensors: 'NO',
  };
}

const MAX_COMPARTMENTS = 128;
const MAX_ADDRESS = 65535;
// The one endpoint syntax (the server and the gateway accept the same): tcp://host[:port],
// or rtu:// and an absolute serial device path with optional baud, parity, dataBits, stopBits.
const RTU_PARAM = '(baud|parity|dataBits|stopBits)=[A-Za-z0-9]+';
const ENDPOINT = new RegExp(
  `^(tcp://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:]+\\])(:\\d{1,5})?|rtu:///[^\\s?]*[^\\s?/](\\?${RTU_PARAM}(&${RTU_PARAM})*)?)$`,
);

function wholeNumber(s: string): number | null {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

/**
 * Validates the draft and generates compartments in size order (all SMALL first), labels
 * `<prefix><number, 2 digits>`, coils and door inputs counting up from the first ones.
 * `existing` holds the site's labels (not to be reused) and the relay addresses already
 * wired: a coil or door input on the same endpoint and unit as an existing compartment
 * would drive or read someone else's lock, so it is refused before anything is sent.
 */
export function layoutBank(draft: BankDraft, existing: ExistingLayout = NOTHING): BankLayoutResult {
  const errors: Partial<Record<BankField, string>> = {};
  const bankLabel = draft.bankLabel.trim();
  if (!bankLabel) errors.bankLabel = 'Give the bank a label, e.g. "C".';
  else if (bankLabel.length > 20) errors.bankLabel = 'At most 20 characters.';

  const endpoint = draft.modbusEndpoint.trim();
  const port = endpoint.startsWith('tcp://') ? Number(/:(\d+)$/.exec(endpoint)?.[1] ?? 502) : 1;
  if (!ENDPOINT.test(endpoint) || port < 1 || port > 65535) {
    errors.modbusEndpoint =
      'Use tcp://host:502 or rtu:// and a serial device path, e.g. rtu:///dev/ttyUSB0?baud=9600.';
  }

  const unitId = wholeNumber(draft.unitId);
  if (unitId === null || unitId < 1 || unitId > 247) errors.unitId = 'Modbus unit id is 1 to 247.';

  const prefix = draft.labelPrefix.trim();
  if (!/^[A-Za-z0-9-]{0,10}$/.test(prefix)) errors.labelPrefix = 'Letters, digits and "-" only, at most 10.';

  const firstNumber = wholeNumber(draft.firstNumber);
  if (firstNumber === null) errors.firstNumber = 'A whole number, e.g. 1.';

  const counts = SIZES.map((size) => [size, wholeNumber(draft.counts[size])] as const);
  const total = counts.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  if (counts.some(([, n]) => n === null)) errors.counts = 'Each size needs a whole number (0 for none).';
  else if (total === 0) errors.counts = 'Add at least one compartment.';
  else if (total > MAX_COMPARTMENTS) errors.counts = `At most ${MAX_COMPARTMENTS} compartments per bank.`;

  const firstCoil = wholeNumber(draft.firstCoil);
  if (firstCoil === null) errors.firstCoil = 'A whole number, e.g. 0.';
  else if (firstCoil + total - 1 > MAX_ADDRESS) errors.firstCoil = `Coils would pass ${MAX_ADDRESS}.`;
  const firstDoorInput = wholeNumber(draft.firstDoorInput);
  if (firstDoorInput === null) errors.firstDoorInput = 'A whole number, e.g. 0.';
  else if (firstDoorInput + total - 1 > MAX_ADDRESS)
    errors.firstDoorInput = `Door inputs would pass ${MAX_ADDRESS}.`;

  if (
    Object.keys(errors).length > 0 ||
    unitId === null ||
    firstNumber === null ||
    firstCoil === null ||
    firstDoorInput === null
  ) {
    return { ok: false, errors };
  }

  const width = Math.max(2, String(firstNumber + total - 1).length);
  const compartments: CompartmentInput[] = [];
  for (const [size, n] of counts) {
    for (let k = 0; k < (n ?? 0); k++) {
      const i = compartments.length;
      compartments.push({
        label: `${prefix}${String(firstNumber + i).padStart(width, '0')}`,
        size,
        unitId,
        coil: firstCoil + i,
        doorInput: firstDoorInput + i,
      });
    }
  }
  const clashes: Partial<Record<BankField, string>> = {};
  const taken = compartments.filter((c) => existing.labels.has(c.label)).map((c) => c.label);
  if (taken.length > 0) clashes.labelPrefix = `Labels already used at this site: ${listed(taken)}`;
  const onBus = existing.addresses.filter((a) => sameBus(a.endpoint, endpoint) && a.unitId === unitId);
  const coilClash = compartments.flatMap((c) =>
    onBus.filter((a) => a.coil === c.coil).map((a) => `coil ${c.coil} (${a.label})`),
  );
  if (coilClash.length > 0)
    clashes.firstCoil = `Already wired on unit ${unitId} of this endpoint: ${listed(coilClash)}`;
  const inputClash = compartments.flatMap((c) =>
    onBus.filter((a) => a.doorInput === c.doorInput).map((a) => `input ${c.doorInput} (${a.label})`),
  );
  if (inputClash.length > 0)
    clashes.firstDoorInput = `Already wired on unit ${unitId} of this endpoint: ${listed(inputClash)}`;
  if (Object.keys(clashes).length > 0) return { ok: false, errors: clashes };
  return { ok: true, compartments };
}
