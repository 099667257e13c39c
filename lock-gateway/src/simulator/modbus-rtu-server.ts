/**
 * Modbus RTU framing (unit id + PDU + CRC-16) over a serial device, answering from the
 * simulated boards. Frames are delimited by their function code's known length, which is
 * enough for the request set relay boards use. Unknown unit ids get silence, as on a bus.
 */
import fs from 'node:fs';
import tty from 'node:tty';
import type { SimSite } from './sim-site.js';

/** CRC-16/MODBUS of `data`. */
export function crc16(data: Buffer): number {
  let crc = 0xffff;
  for (const byte of data) {
    crc ^= byte;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >> 1) ^ 0xa001 : crc >> 1;
  }
  return crc;
}

/** A running RTU server on a serial device (e.g. one end of a socat pty pair). */
export interface ModbusRtuServer {
  close(): void;
}

/** Serves `site` on the serial device at `path`. */
export function startModbusRtuServer(site: SimSite, path: string): ModbusRtuServer {
  const fd = fs.openSync(path, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
  const input = new tty.ReadStream(fd);
  input.setRawMode(true);
  let buffer = Buffer.alloc(0);
  input.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const length = frameLength(buffer);
      if (length === null || buffer.length < length) return;
      const frame = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      if (crc16(frame.subarray(0, -2)) !== frame.readUInt16LE(length - 2)) {
        buffer = Buffer.alloc(0); // line noise: resynchronise on the next request
        return;
      }
      reply(site, fd, frame);
    }
  });
  input.on('error', () => undefined);
  return {
    close: () => {
      input.destroy();
    },
  };
}

function frameLength(buffer: Buffer): number | null {
  if (buffer.length < 2) return null;
  const fc = buffer[1] ?? 0;
  if (fc >= 1 && fc <= 6) return 8;
  if (fc === 15 || fc === 16) return buffer.length < 7 ? null : 9 + (buffer[6] ?? 0);
  return 2; // unsupported: consume and let CRC fail
}

function reply(site: SimSite, fd: number, frame: Buffer): void {
  const unitId = frame[0] ?? 0;
  if (!site.unit(unitId)) return;
  const pdu = site.answer(unitId, frame.subarray(1, -2));
  if (!pdu) return;
  const out = Buffer.alloc(pdu.length + 3);
  out[0] = unitId;
  pdu.copy(out, 1);
  out.writeUInt16LE(crc16(out.subarray(0, -2)), out.length - 2);
  const send = (): void => {
    try {
      fs.writeSync(fd, out);
    } catch {
      // the other end went away
    }
  };
  if (site.faults.delayMs > 0) setTimeout(send, site.faults.delayMs);
  else send();
}
