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
}

export type BankField = Exclude<keyof BankDraft, 'counts'> | 'counts';

/** The result: either errors by field, or the compartments to create. */
export type BankLayoutResult =
  | { ok: true; compartments: CompartmentInput[] }
  | { ok: false; errors: Partial<Record<BankField, string>> };

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
  };
}

const MAX_COMPARTMENTS = 128;
const MAX_ADDRESS = 65535;
const ENDPOINT = /^(tcp:\/\/[A-Za-z0-9.-]+:\d{1,5}|rtu:\/\/\/[^\s?]+(\?baud=\d+)?)$/;

function wholeNumber(s: string): number | null {
  return /^\d+$/.test(s.trim()) ? Number(s.trim()) : null;
}

/**
 * Validates the draft and generates compartments in size order (all SMALL first), labels
 * `<prefix><number, 2 digits>`, coils and door inputs counting up from the first ones.
 * `existingLabels` (the site's labels) must not be reused: labels are unique per site.
 */
export function layoutBank(draft: BankDraft, existingLabels: ReadonlySet<string> = new Set()): BankLayoutResult {
  const errors: Partial<Record<BankField, string>> = {};
  const bankLabel = draft.bankLabel.trim();
  if (!bankLabel) errors.bankLabel = 'Give the bank a label, e.g. "C".';
  else if (bankLabel.length > 20) errors.bankLabel = 'At most 20 characters.';

  const endpoint = draft.modbusEndpoint.trim();
  const port = endpoint.startsWith('tcp://') ? Number(endpoint.split(':').pop()) : 1;
  if (!ENDPOINT.test(endpoint) || port < 1 || port > 65535) {
    errors.modbusEndpoint = 'Use tcp://host:port or rtu:///dev/ttyUSB0?baud=9600.';
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
  else if (firstDoorInput + total - 1 > MAX_ADDRESS) errors.firstDoorInput = `Door inputs would pass ${MAX_ADDRESS}.`;

  if (Object.keys(errors).length > 0 || unitId === null || firstNumber === null || firstCoil === null || firstDoorInput === null) {
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
  const taken = compartments.filter((c) => existingLabels.has(c.label)).map((c) => c.label);
  if (taken.length > 0) {
    return { ok: false, errors: { labelPrefix: `Labels already used at this site: ${taken.slice(0, 5).join(', ')}${taken.length > 5 ? '…' : ''}` } };
  }
  return { ok: true, compartments };
}
