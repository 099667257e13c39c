/**
 * What one Modbus request is, in words a site technician can act on: every fault the
 * gateway logs names the function, the addresses and the unit, and an exception its code.
 */

/** One request: function code, first address, and count (reads, multiple writes). */
export interface ModbusOp {
  fc: number;
  address: number;
  count?: number;
}

const FUNCTION_NAMES: Record<number, string> = {
  1: 'read coils',
  2: 'read discrete inputs',
  3: 'read holding registers',
  4: 'read input registers',
  5: 'write coil',
  6: 'write register',
  15: 'write coils',
  16: 'write registers',
};

const EXCEPTION_NAMES: Record<number, string> = {
  1: 'illegal function',
  2: 'illegal data address',
  3: 'illegal data value',
  4: 'slave device failure',
  5: 'acknowledge',
  6: 'slave device busy',
  10: 'gateway path unavailable',
  11: 'gateway target failed to respond',
};

/** "FC2 read discrete inputs 0..11 on unit 1". */
export function describeOp(op: ModbusOp, unitId: number): string {
  const range = op.count && op.count > 1 ? `${op.address}..${op.address + op.count - 1}` : `${op.address}`;
  return `FC${op.fc} ${FUNCTION_NAMES[op.fc] ?? 'request'} ${range} on unit ${unitId}`;
}

/** "exception 2 (illegal data address)". */
export function describeException(code: number): string {
  return `exception ${code} (${EXCEPTION_NAMES[code] ?? 'unknown'})`;
}
