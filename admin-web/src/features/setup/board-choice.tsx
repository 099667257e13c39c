// The board profile of a bank, as the installer picks it: a preset (how locks are pulsed,
// how doors are read) and the kind of door sensor. `--check` on the gateway says which fits.
import type { BoardProfileInput, InputLevel } from '../../api/generated/graphql';
import type { DoorSensors } from './bank-layout';

/** A preset as listed by `boardProfiles`. */
export interface BoardPreset {
  preset: string;
  pulse: string;
  timedUnitMs?: number | null;
  doorSource: string;
  doorOpenWhen: InputLevel;
}

/** Offered when the list has not loaded: the safe default. */
export const FALLBACK_PRESETS: readonly BoardPreset[] = [
  { preset: 'generic-coil', pulse: 'COIL', doorSource: 'DISCRETE_INPUTS', doorOpenWhen: 'HIGH' },
];

/** "generic-coil: coil on/off timed by the gateway, discrete inputs". */
export function describePreset(p: BoardPreset): string {
  const pulse =
    p.pulse === 'TIMED'
      ? `pulse timed by the board (${p.timedUnitMs ?? 1} ms units)`
      : 'coil on/off timed by the gateway';
  return `${p.preset}: ${pulse}, doors on ${p.doorSource === 'INPUT_REGISTERS' ? 'input registers' : 'discrete inputs'}`;
}

/** The BoardProfileInput for a preset and a sensor kind. */
export function boardInput(preset: string, sensors: DoorSensors): BoardProfileInput {
  return { preset, doorOpenWhen: sensors === 'NC' ? 'LOW' : 'HIGH' };
}

/** Two selects: the relay board and the door sensors. */
export function BoardChoice({
  idPrefix,
  presets,
  preset,
  sensors,
  onChange,
}: {
  idPrefix: string;
  presets: readonly BoardPreset[];
  preset: string;
  sensors: DoorSensors;
  onChange: (preset: string, sensors: DoorSensors) => void;
}) {
  const list = presets.length > 0 ? presets : FALLBACK_PRESETS;
  return (
    <>
      <label htmlFor={`${idPrefix}-preset`}>
        Relay board
        <select
          id={`${idPrefix}-preset`}
          value={preset}
          onChange={(e) => {
            const next = list.find((p) => p.preset === e.target.value);
            onChange(e.target.value, next?.doorOpenWhen === 'LOW' ? 'NC' : sensors);
          }}
        >
          {list.map((p) => (
            <option key={p.preset} value={p.preset}>
              {describePreset(p)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${idPrefix}-sensors`}>
        Door sensors
        <select
          id={`${idPrefix}-sensors`}
          value={sensors}
          onChange={(e) => onChange(preset, e.target.value as DoorSensors)}
        >
          <option value="NO">normally open (input 1 = door open)</option>
          <option value="NC">normally closed (input 1 = door shut)</option>
        </select>
      </label>
    </>
  );
}
