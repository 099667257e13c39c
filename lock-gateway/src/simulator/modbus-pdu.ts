/**
 * Modbus application layer (the PDU, shared by TCP and RTU framing) answered from a
 * simulated board. Supports what relay boards offer: FC1, FC2, FC3, FC4, FC5, FC6, FC15, FC16.
 * Door inputs read as FC2 bits or FC4 registers (0/1), at their raw (wired) level.
 */
import type { SimUnit } from './sim-unit.js';

/** Modbus exception codes the simulator answers with. */
export const ModbusException = {
  IllegalFunction: 1,
  IllegalDataAddress: 2,
  IllegalDataValue: 3,
  DeviceBusy: 6,
  GatewayTargetFailed: 11,
} as const;

/** An exception response PDU for `fc`. */
export function exceptionPdu(fc: number, code: number): Buffer {
  return Buffer.from([fc | 0x80, code]);
}

/** Answers one request PDU; `unit` undefined means no such unit id behind this endpoint. */
export function answerPdu(unit: SimUnit | undefined, pdu: Buffer): Buffer {
  const fc = pdu[0] ?? 0;
  if (!unit) return exceptionPdu(fc, ModbusException.GatewayTargetFailed);
  if (pdu.length < 5) return exceptionPdu(fc, ModbusException.IllegalDataValue);
  const addr = pdu.readUInt16BE(1);
  const qtyOrValue = pdu.readUInt16BE(3);
  switch (fc) {
    case 1:
      return readBits(fc, unit.coils, addr, qtyOrValue);
    case 2: {
      const answer = readBits(
        fc,
        unit.doors.map((_, i) => unit.rawInput(i)),
        addr,
        qtyOrValue,
      );
      if (answer[0] === fc) unit.noteInputsRead(addr, qtyOrValue);
      return answer;
    }
    case 4:
      return readInputRegisters(unit, addr, qtyOrValue);
    case 3:
      return readRegisters(unit, addr, qtyOrValue);
    case 5: {
      if (qtyOrValue !== 0xff00 && qtyOrValue !== 0x0000)
        return exceptionPdu(fc, ModbusException.IllegalDataValue);
      if (addr >= unit.coils.length) return exceptionPdu(fc, ModbusException.IllegalDataAddress);
      unit.setCoil(addr, qtyOrValue === 0xff00);
      return Buffer.from(pdu.subarray(0, 5));
    }
    case 6:
      return unit.writeRegister(addr, qtyOrValue)
        ? Buffer.from(pdu.subarray(0, 5))
        : exceptionPdu(fc, ModbusException.IllegalDataAddress);
    case 15:
      return writeCoils(unit, pdu, addr, qtyOrValue);
    case 16:
      return writeRegisters(unit, pdu, addr, qtyOrValue);
    default:
      return exceptionPdu(fc, ModbusException.IllegalFunction);
  }
}

function readBits(fc: number, bits: boolean[], addr: number, qty: number): Buffer {
  if (qty < 1 || qty > 2000) return exceptionPdu(fc, ModbusException.IllegalDataValue);
  if (addr + qty > bits.length) return exceptionPdu(fc, ModbusException.IllegalDataAddress);
  const bytes = Math.ceil(qty / 8);
  const out = Buffer.alloc(2 + bytes);
  out[0] = fc;
  out[1] = bytes;
  for (let i = 0; i < qty; i++) {
    if (bits[addr + i]) out[2 + (i >> 3)]! |= 1 << (i & 7);
  }
  return out;
}

function readRegisters(unit: SimUnit, addr: number, qty: number): Buffer {
  if (qty < 1 || qty > 125) return exceptionPdu(3, ModbusException.IllegalDataValue);
  const out = Buffer.alloc(2 + qty * 2);
  out[0] = 3;
  out[1] = qty * 2;
  for (let i = 0; i < qty; i++) {
    const value = unit.readRegister(addr + i);
    if (value === undefined) return exceptionPdu(3, ModbusException.IllegalDataAddress);
    out.writeUInt16BE(Math.min(0xffff, Math.round(value)), 2 + i * 2);
  }
  return out;
}

function readInputRegisters(unit: SimUnit, addr: number, qty: number): Buffer {
  if (qty < 1 || qty > 125) return exceptionPdu(4, ModbusException.IllegalDataValue);
  if (addr + qty > unit.doors.length) return exceptionPdu(4, ModbusException.IllegalDataAddress);
  const out = Buffer.alloc(2 + qty * 2);
  out[0] = 4;
  out[1] = qty * 2;
  for (let i = 0; i < qty; i++) out.writeUInt16BE(unit.rawInput(addr + i) ? 1 : 0, 2 + i * 2);
  return out;
}

function writeCoils(unit: SimUnit, pdu: Buffer, addr: number, qty: number): Buffer {
  const byteCount = pdu[5] ?? 0;
  if (qty < 1 || qty > 1968 || byteCount !== Math.ceil(qty / 8) || pdu.length < 6 + byteCount) {
    return exceptionPdu(15, ModbusException.IllegalDataValue);
  }
  if (addr + qty > unit.coils.length) return exceptionPdu(15, ModbusException.IllegalDataAddress);
  for (let i = 0; i < qty; i++) {
    const on = ((pdu[6 + (i >> 3)] ?? 0) >> (i & 7)) & 1;
    unit.setCoil(addr + i, on === 1);
  }
  return Buffer.from(pdu.subarray(0, 5));
}

function writeRegisters(unit: SimUnit, pdu: Buffer, addr: number, qty: number): Buffer {
  const byteCount = pdu[5] ?? 0;
  if (qty < 1 || qty > 123 || byteCount !== qty * 2 || pdu.length < 6 + byteCount) {
    return exceptionPdu(16, ModbusException.IllegalDataValue);
  }
  for (let i = 0; i < qty; i++) {
    if (unit.readRegister(addr + i) === undefined)
      return exceptionPdu(16, ModbusException.IllegalDataAddress);
  }
  for (let i = 0; i < qty; i++) unit.writeRegister(addr + i, pdu.readUInt16BE(6 + i * 2));
  return Buffer.from(pdu.subarray(0, 5));
}
