/**
 * modbus-serial, loaded once. It is CommonJS with `export default` in its typings: under
 * NodeNext the class is `.default`, while some loaders hand over the class itself.
 */
import ModbusModule from 'modbus-serial';

type ModbusCtor = typeof ModbusModule.default;

const loaded = ModbusModule as unknown as { default?: ModbusCtor };

/** The modbus-serial client class. */
export const ModbusRTU: ModbusCtor =
  typeof loaded.default === 'function' ? loaded.default : (ModbusModule as unknown as ModbusCtor);

/** One modbus-serial client instance. */
export type ModbusClient = InstanceType<ModbusCtor>;
