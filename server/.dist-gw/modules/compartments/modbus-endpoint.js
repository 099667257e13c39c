import { badInput } from '../../errors/domain-error.js';
/**
 * Accepts "tcp://host:port" and "rtu:///dev/ttyX?baud=9600" (the forms the gateway can drive),
 * so a typo is refused at set-up rather than discovered at the first unlock.
 */
export function checkModbusEndpoint(endpoint) {
    const value = endpoint.trim();
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw badInput('modbusEndpoint', 'modbusEndpoint must look like tcp://host:502 or rtu:///dev/ttyUSB0?baud=9600');
    }
    if (url.protocol === 'tcp:') {
        const port = Number(url.port || '502');
        if (!url.hostname || !Number.isInteger(port) || port < 1 || port > 65535) {
            throw badInput('modbusEndpoint', 'a tcp endpoint needs a host and a port, e.g. tcp://10.0.0.5:502');
        }
        return value;
    }
    if (url.protocol === 'rtu:') {
        const baud = Number(url.searchParams.get('baud') ?? '9600');
        if (!url.pathname.startsWith('/dev/') || !Number.isInteger(baud) || baud < 1200 || baud > 1_000_000) {
            throw badInput('modbusEndpoint', 'an rtu endpoint names a serial device and a baud rate, e.g. rtu:///dev/ttyUSB0?baud=9600');
        }
        return value;
    }
    throw badInput('modbusEndpoint', 'modbusEndpoint must use tcp:// or rtu://');
}
//# sourceMappingURL=modbus-endpoint.js.map