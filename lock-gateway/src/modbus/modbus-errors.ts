/**
 * The three ways a Modbus request fails, because callers act differently on each:
 * - NotSentError: the request never left (no connection): safe to try again later;
 * - LinkError: sent or being sent when the link broke or timed out: the outcome is
 *   unknown, and the connection is reset;
 * - DeviceError: the device answered with a Modbus exception: the link is fine.
 */

/** The request was not sent: no connection. Retrying cannot duplicate an effect. */
export class NotSentError extends Error {
  override readonly name = 'NotSentError';
}

/** The link failed during the request (close, timeout, socket error): outcome unknown. */
export class LinkError extends Error {
  override readonly name = 'LinkError';
  /** True when the request went out and no answer came in time. */
  timedOut = false;
}

/** The device answered with a Modbus exception code. */
export class DeviceError extends Error {
  override readonly name = 'DeviceError';
  constructor(
    readonly exceptionCode: number,
    message: string,
    /** RTU: the unit did not answer in time (exceptionCode 0); the request may have acted. */
    readonly timedOut = false,
  ) {
    super(message);
  }
}

/**
 * Maps whatever modbus-serial threw onto the three kinds; only LinkError resets the link.
 * A timeout means a broken link on TCP (a hung socket, and a late answer could be taken for
 * the next one), but on a serial bus it only means one unit did not answer: reopening the
 * port would not help and would disturb every other unit on the bus.
 */
export function classifyModbusError(
  error: unknown,
  transport: 'tcp' | 'rtu' = 'tcp',
): LinkError | DeviceError {
  if (error instanceof LinkError || error instanceof DeviceError) return error;
  const e = error as { modbusCode?: number; message?: string; errno?: string } | undefined;
  if (typeof e?.modbusCode === 'number')
    return new DeviceError(e.modbusCode, e.message ?? `exception ${e.modbusCode}`);
  if (transport === 'rtu' && e?.errno === 'ETIMEDOUT')
    return new DeviceError(0, 'no answer from the unit (timeout)', true);
  // CRC errors on a serial line are noise on a working link: do not tear it down for them.
  if (e?.message === 'CRC error') return new DeviceError(0, 'CRC error');
  const link = new LinkError(e?.message ?? String(error));
  link.timedOut = e?.errno === 'ETIMEDOUT';
  return link;
}
