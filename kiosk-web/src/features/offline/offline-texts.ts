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
    'Collecting a bag that is paid for still works: scan your code. Free sizes can be stored under "Store luggage" when it says so; paid sizes, paying and opening a locker to keep storing wait until the lockers are back online.',
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
  banner: 'Die Schließfächer sind offline.',
  works:
    'Bezahltes Gepäck abholen geht weiterhin: Code scannen. Kostenlose Größen können unter „Gepäck einschließen“ eingeschlossen werden, wenn es dort angeboten wird; kostenpflichtige Größen, Bezahlen und Öffnen zum Weiterlagern sind erst wieder möglich, wenn die Verbindung zurück ist.',
  opened: (label) => `Fach ${label} ist offen. Gepäck entnehmen und Tür schließen.`,
  refusals: {
    BAD_REQUEST: 'Der Scan konnte nicht gelesen werden. Bitte erneut versuchen.',
    INVALID_CODE: 'Das ist kein Schließfach-Code. Scannen Sie den QR-Code, den Sie erhalten haben.',
    UNKNOWN_CODE: 'Dieser Code öffnet hier kein Fach.',
    ALREADY_OPENED: 'Dieses Fach wurde mit diesem Code bereits geöffnet.',
    PAYMENT_REQUIRED:
      'Es ist noch etwas zu bezahlen. Bezahlen geht nur mit Verbindung: später erneut versuchen oder das Personal fragen.',
    OVERDUE:
      'Die bezahlte Zeit ist abgelaufen. Die Zusatzgebühr kann bezahlt werden, sobald die Verbindung zurück ist, oder fragen Sie das Personal.',
    SERVER_REACHABLE: 'Die Schließfächer sind wieder online. Scannen Sie Ihren Code erneut.',
    NOT_READY: 'Die Schließfächer können gerade nicht offline öffnen. Bitte wenden Sie sich an das Personal.',
    DOOR_FAILED: 'Das Fach hat sich nicht geöffnet. Erneut versuchen oder das Personal fragen.',
    NOT_RECORDED: 'Das Fach konnte nicht sicher geöffnet werden. Bitte wenden Sie sich an das Personal.',
    RATE_LIMITED: 'Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
    UNREACHABLE: 'Die Schließfächer sind nicht erreichbar. Bitte wenden Sie sich an das Personal.',
  },
  done: 'Fertig',
};

const fr: OfflineTexts = {
  banner: 'Les consignes sont hors ligne.',
  works:
    'Le retrait d’un bagage payé fonctionne toujours : scannez votre code. Les tailles gratuites peuvent être déposées via « Déposer des bagages » quand c’est proposé ; les tailles payantes, le paiement et l’ouverture pour continuer la consigne attendront le retour de la connexion.',
  opened: (label) => `Le casier ${label} est ouvert. Prenez vos bagages et fermez la porte.`,
  refusals: {
    BAD_REQUEST: 'Ce scan n’a pas pu être lu. Réessayez.',
    INVALID_CODE: 'Ce n’est pas un code de consigne. Scannez le QR code qui vous a été remis.',
    UNKNOWN_CODE: 'Ce code n’ouvre aucun casier ici.',
    ALREADY_OPENED: 'Ce casier a déjà été ouvert avec ce code.',
    PAYMENT_REQUIRED:
      'Il reste quelque chose à payer. Le paiement nécessite la connexion : réessayez plus tard ou demandez au personnel.',
    OVERDUE:
      'La durée payée est dépassée. Le supplément pourra être payé au retour de la connexion, ou demandez au personnel.',
    SERVER_REACHABLE: 'Les consignes sont de nouveau en ligne. Scannez à nouveau votre code.',
    NOT_READY:
      'Les consignes ne peuvent pas ouvrir hors ligne pour le moment. Demandez de l’aide au personnel.',
    DOOR_FAILED: 'Le casier ne s’est pas ouvert. Réessayez ou demandez de l’aide au personnel.',
    NOT_RECORDED: 'Le casier n’a pas pu être ouvert en toute sécurité. Demandez de l’aide au personnel.',
    RATE_LIMITED: 'Trop de tentatives. Attendez une minute et réessayez.',
    UNREACHABLE: 'Les consignes ne répondent pas. Demandez de l’aide au personnel.',
  },
  done: 'Terminé',
};

const es: OfflineTexts = {
  banner: 'Las taquillas están sin conexión.',
  works:
    'Recoger un equipaje pagado sigue funcionando: escanee su código. Los tamaños gratuitos se pueden guardar en «Guardar equipaje» cuando se ofrezca; los tamaños de pago, pagar y abrir para seguir guardando esperarán a que vuelva la conexión.',
  opened: (label) => `La taquilla ${label} está abierta. Retire su equipaje y cierre la puerta.`,
  refusals: {
    BAD_REQUEST: 'No se pudo leer el escaneo. Inténtelo de nuevo.',
    INVALID_CODE: 'No es un código de taquilla. Escanee el código QR que recibió.',
    UNKNOWN_CODE: 'Este código no abre ninguna taquilla aquí.',
    ALREADY_OPENED: 'Esta taquilla ya se abrió con este código.',
    PAYMENT_REQUIRED:
      'Queda algo por pagar. Pagar requiere conexión: inténtelo más tarde o pida ayuda al personal.',
    OVERDUE:
      'Se ha superado el tiempo pagado. El recargo se podrá pagar cuando vuelva la conexión, o pida ayuda al personal.',
    SERVER_REACHABLE: 'Las taquillas vuelven a estar conectadas. Escanee su código de nuevo.',
    NOT_READY: 'Ahora las taquillas no pueden abrir sin conexión. Pida ayuda al personal.',
    DOOR_FAILED: 'La taquilla no se abrió. Inténtelo de nuevo o pida ayuda al personal.',
    NOT_RECORDED: 'La taquilla no se pudo abrir de forma segura. Pida ayuda al personal.',
    RATE_LIMITED: 'Demasiados intentos. Espere un minuto e inténtelo de nuevo.',
    UNREACHABLE: 'No se puede contactar con las taquillas. Pida ayuda al personal.',
  },
  done: 'Hecho',
};

const TEXTS: Record<Lang, OfflineTexts> = { en, de, fr, es };

/** The texts in `lang`. */
export function offlineTexts(lang: Lang): OfflineTexts {
  return TEXTS[lang];
}
