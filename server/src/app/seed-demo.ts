import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Services } from '../container/services.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../observability/logger.js';
import type { CompartmentSize } from '../entities/compartment.enums.js';

export interface DemoCredentials {
  siteId: string;
  kioskId: string;
  kioskToken: string;
  gatewayId: string;
  gatewayToken: string;
  adminEmail: string | null;
  adminPassword: string | null;
  modbusEndpoint: string;
}

const SIZES: CompartmentSize[] = [
  'SMALL',
  'SMALL',
  'SMALL',
  'SMALL',
  'MEDIUM',
  'MEDIUM',
  'MEDIUM',
  'MEDIUM',
  'LARGE',
  'LARGE',
  'XLARGE',
  'XLARGE',
];
const PRICES: Record<CompartmentSize, number> = { SMALL: 0, MEDIUM: 400, LARGE: 600, XLARGE: 800 };

/**
 * A site to try everything with: two banks of 12 (every size) on the simulator's endpoint,
 * tariffs, a kiosk and a gateway. Skipped when any site exists (device tokens are shown once).
 */
export async function seedDemo(
  services: Services,
  config: Config,
  logger: Logger,
  endpoint = 'tcp://127.0.0.1:5020',
): Promise<DemoCredentials | null> {
  if ((await services.sites.list()).length > 0) {
    logger.info('demo seed skipped: the database already has sites');
    return null;
  }
  const site = await services.sites.create('Central Station', 'Europe/Berlin');
  const gateway = await services.devices.registerGateway(site.id, 'Central Station gateway');
  const kiosk = await services.devices.registerKiosk(site.id, 'Central Station kiosk 1');
  for (const [bank, unitId] of [
    ['A', 1],
    ['B', 2],
  ] as const) {
    await services.banks.create({
      siteId: site.id,
      label: bank,
      modbusEndpoint: endpoint,
      gatewayId: gateway.id,
      compartments: SIZES.map((size, i) => ({
        label: `${bank}${String(i + 1).padStart(2, '0')}`,
        size,
        unitId,
        coil: i,
        doorInput: i,
      })),
    });
  }
  for (const size of Object.keys(PRICES) as CompartmentSize[]) {
    await services.tariffs.set({
      siteId: site.id,
      size,
      price: PRICES[size],
      currency: 'EUR',
      includedMinutes: 240,
      overduePerHour: 200,
      graceMinutes: 15,
      securityAlertAfterMinutes: 120,
    });
  }
  logger.info({ siteId: site.id }, 'demo site seeded');
  return {
    siteId: site.id,
    kioskId: kiosk.id,
    kioskToken: kiosk.token,
    gatewayId: gateway.id,
    gatewayToken: gateway.token,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    modbusEndpoint: endpoint,
  };
}

/** The demo's credentials for the start script: a local file, readable by its owner only. */
export function writeCredentials(file: string, creds: DemoCredentials): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
}
