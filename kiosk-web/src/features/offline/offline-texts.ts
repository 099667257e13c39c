import type { Lang } from '../../i18n/i18n';
import type { SiteRefusal } from './site-path-client';

/** The offline fallback's texts, per language (kept here so the shared dictionaries stay as they are). */
export interface OfflineTexts {
  banner: string;
  works: string;
  opened: (label: string) => string;
  refusals: Record<SiteRefusal, string>;
  done: string;
}

const en: OfflineTexts = {
  banner: 'The lockers are offline.',
  works:
    'Collecting a bag that is paid for still works: scan your code. Storing a bag, paying and opening a locker to keep storing wait until the lockers are back online.',
  opened: (label) => `Locker ${label} is open. Take your luggage and close the door.`,
  refusals: {
    BAD_REQUEST: 'That scan could not be read. Try again.',
    INVALID_CODE: 'That is not a locker code. Scan the QR code you were given.',
    UNKNOWN_CODE: 'This code does not open a locker here.',
    ALREADY_OPENED: 'This locker was already opened with this code.',
    PAYMENT_REQUIRED:
      'Something is still to be paid. Payments need the lockers to be online: try again later or ask staff.',
    OVERDUE:
      'This storage has run past its paid time. The extra fee can be paid once the lockers are online again, or ask staff.',
    SERVER_REACHABLE: 'The lockers are back online. Scan your code again.',
    NOT_READY: 'The lockers cannot open offline right now. Ask staff for help.',
    DOOR_FAILED: 'The locker did not open. Try again, or ask staff for help.',
    NOT_RECORDED: 'The locker could not be opened safely. Ask staff for help.',
    RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
    UNREACHABLE: 'The lockers cannot be reached. Ask staff for help.',
  },
  done: 'Done',
};

const de: OfflineTexts = {
  ...en,
  banner: 'Die Schließfächer sind offline.',
  works:
    'Bezahltes Gepäck abholen geht weiterhin: Code scannen. Einlagern, Bezahlen und Öffnen zum Weiterlagern sind erst wieder möglich, wenn die Verbindung zurück ist.',
  opened: (label) => `Fach ${label} ist offen. Gepäck entnehmen und Tür schließen.`,
  done: 'Fertig',
};

const fr: OfflineTexts = {
  ...en,
  banner: 'Les consignes sont hors ligne.',
  works:
    'Le retrait d’un bagage payé fonctionne toujours : scannez votre code. Déposer, payer et ouvrir pour continuer la consigne attendront le retour de la connexion.',
  opened: (label) => `Le casier ${label} est ouvert. Prenez vos bagages et fermez la porte.`,
  done: 'Terminé',
};

const es: OfflineTexts = {
  ...en,
  banner: 'Las taquillas están sin conexión.',
  works:
    'Recoger un equipaje pagado sigue funcionando: escanee su código. Guardar, pagar y abrir para seguir guardando esperarán a que vuelva la conexión.',
  opened: (label) => `La taquilla ${label} está abierta. Retire su equipaje y cierre la puerta.`,
  done: 'Hecho',
};

const TEXTS: Record<string, OfflineTexts> = { en, de, fr, es };

/** The texts in `lang` (English when it has none). */
export function offlineTexts(lang: Lang): OfflineTexts {
  return TEXTS[lang] ?? en;
}
