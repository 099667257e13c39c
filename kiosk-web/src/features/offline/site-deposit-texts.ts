import type { Lang } from '../../i18n/i18n';
import type { SiteDepositRefusal } from './site-deposits';

/** The offline deposit's texts, per language (beside the offline fallback's own, offline-texts.ts). */
export interface SiteDepositTexts {
  storeHint: string;
  heading: string;
  explain: string;
  paidWait: string;
  checking: string;
  unreachable: string;
  notOffered: string;
  opensIn: (countdown: string, time: string) => string;
  noSizes: string;
  free: (n: number) => string;
  full: string;
  freeOfCharge: string;
  included: (duration: string) => string;
  opening: string;
  refusals: Record<SiteDepositRefusal, string>;
  ticketHeading: string;
  opened: (label: string) => string;
  keep: string;
  codeCaption: string;
  writeDown: string;
  locker: string;
  size: string;
  includedTime: string;
  due: string;
  collect: string;
}

const en: SiteDepositTexts = {
  storeHint: 'Offline: free sizes only',
  heading: 'Store luggage while offline',
  explain: 'The lockers are offline. You can store your luggage in a free size now.',
  paidWait: 'Sizes that are paid for wait until the lockers are back online.',
  checking: 'Checking what can be stored…',
  unreachable: 'The lockers cannot be reached. Ask staff for help.',
  notOffered: 'Storing is not possible while the lockers are offline. Collecting still works.',
  opensIn: (countdown, time) => `Storing opens in ${countdown} (at ${time}).`,
  noSizes: 'No free size can be stored offline here right now.',
  free: (n) => `${n} free`,
  full: 'None free right now',
  freeOfCharge: 'Free of charge',
  included: (duration) => `${duration} included`,
  opening: 'Opening a locker…',
  refusals: {
    SERVER_REACHABLE: 'The lockers are back online. Go back and store your luggage as usual.',
    NOT_READY: 'Storing is not possible offline right now. Ask staff for help.',
    DEPOSITS_NOT_YET: 'Storing is not open yet while the lockers are offline. Try again in a few minutes.',
    SIZE_NOT_FREE:
      'This size has to be paid for, and paying waits until the lockers are back online. Choose a free size.',
    NO_COMPARTMENT_AVAILABLE: 'No locker of this size is free right now. Choose another size or try later.',
    DOOR_FAILED: 'The locker did not open. Choose again, or ask staff for help.',
    NOT_RECORDED: 'The locker could not be opened safely. Ask staff for help.',
    RATE_LIMITED: 'Too many attempts. Wait a minute and try again.',
    BAD_REQUEST: 'That did not work. Choose a size again.',
    UNREACHABLE:
      'The lockers did not answer. If a locker door opened, do not put your luggage in it: ask staff for help.',
  },
  ticketHeading: 'Your code',
  opened: (label) => `Locker ${label} is open. Put your luggage in and close the door.`,
  keep: 'Keep this code: it opens your locker.',
  codeCaption: 'Your code, to write down',
  writeDown:
    'Take a photo of the QR code or write the code down. While the lockers are offline it cannot be sent to you, and there is no short code.',
  locker: 'Locker',
  size: 'Size',
  includedTime: 'Included time',
  due: 'Collect by',
  collect: 'To collect, scan this code at the kiosk.',
};

const de: SiteDepositTexts = {
  storeHint: 'Offline: nur kostenlose Größen',
  heading: 'Gepäck offline einschließen',
  explain:
    'Die Schließfächer sind offline. Sie können Ihr Gepäck jetzt in einer kostenlosen Größe einschließen.',
  paidWait: 'Kostenpflichtige Größen gibt es erst wieder, wenn die Verbindung zurück ist.',
  checking: 'Prüfe, was eingeschlossen werden kann…',
  unreachable: 'Die Schließfächer sind nicht erreichbar. Bitte wenden Sie sich an das Personal.',
  notOffered: 'Einschließen ist offline gerade nicht möglich. Abholen geht weiterhin.',
  opensIn: (countdown, time) => `Einschließen ist möglich in ${countdown} (ab ${time}).`,
  noSizes: 'Offline kann hier gerade keine kostenlose Größe eingeschlossen werden.',
  free: (n) => `${n} frei`,
  full: 'Gerade keines frei',
  freeOfCharge: 'Kostenlos',
  included: (duration) => `${duration} inklusive`,
  opening: 'Fach wird geöffnet…',
  refusals: {
    SERVER_REACHABLE:
      'Die Schließfächer sind wieder online. Gehen Sie zurück und schließen Sie Ihr Gepäck wie gewohnt ein.',
    NOT_READY: 'Einschließen ist offline gerade nicht möglich. Bitte wenden Sie sich an das Personal.',
    DEPOSITS_NOT_YET:
      'Einschließen ist offline noch nicht möglich. Versuchen Sie es in ein paar Minuten wieder.',
    SIZE_NOT_FREE:
      'Diese Größe kostet etwas, und Bezahlen geht erst wieder mit Verbindung. Wählen Sie eine kostenlose Größe.',
    NO_COMPARTMENT_AVAILABLE:
      'Gerade ist kein Fach dieser Größe frei. Wählen Sie eine andere Größe oder versuchen Sie es später.',
    DOOR_FAILED: 'Das Fach hat sich nicht geöffnet. Wählen Sie erneut oder wenden Sie sich an das Personal.',
    NOT_RECORDED: 'Das Fach konnte nicht sicher geöffnet werden. Bitte wenden Sie sich an das Personal.',
    RATE_LIMITED: 'Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es erneut.',
    BAD_REQUEST: 'Das hat nicht geklappt. Wählen Sie die Größe erneut.',
    UNREACHABLE:
      'Die Schließfächer haben nicht geantwortet. Falls sich eine Tür geöffnet hat, legen Sie kein Gepäck hinein: Bitte wenden Sie sich an das Personal.',
  },
  ticketHeading: 'Ihr Code',
  opened: (label) => `Fach ${label} ist offen. Gepäck hineinlegen und Tür schließen.`,
  keep: 'Bewahren Sie diesen Code auf: Er öffnet Ihr Fach.',
  codeCaption: 'Ihr Code zum Aufschreiben',
  writeDown:
    'Fotografieren Sie den QR-Code oder schreiben Sie den Code auf. Solange die Schließfächer offline sind, kann er Ihnen nicht geschickt werden, und es gibt keinen Kurzcode.',
  locker: 'Fach',
  size: 'Größe',
  includedTime: 'Inklusivzeit',
  due: 'Abholen bis',
  collect: 'Zum Abholen diesen Code am Terminal scannen.',
};

const fr: SiteDepositTexts = {
  storeHint: 'Hors ligne : tailles gratuites uniquement',
  heading: 'Déposer un bagage hors ligne',
  explain: 'Les consignes sont hors ligne. Vous pouvez déposer votre bagage dans une taille gratuite.',
  paidWait: 'Les tailles payantes attendront le retour de la connexion.',
  checking: 'Vérification de ce qui peut être déposé…',
  unreachable: 'Les consignes ne répondent pas. Demandez de l’aide au personnel.',
  notOffered: 'Le dépôt n’est pas possible hors ligne pour le moment. Le retrait fonctionne toujours.',
  opensIn: (countdown, time) => `Le dépôt ouvre dans ${countdown} (à ${time}).`,
  noSizes: 'Aucune taille gratuite ne peut être déposée hors ligne ici pour le moment.',
  free: (n) => `${n} libre(s)`,
  full: 'Aucun libre pour le moment',
  freeOfCharge: 'Gratuit',
  included: (duration) => `${duration} inclus`,
  opening: 'Ouverture d’un casier…',
  refusals: {
    SERVER_REACHABLE:
      'Les consignes sont de nouveau en ligne. Revenez en arrière et déposez comme d’habitude.',
    NOT_READY: 'Le dépôt n’est pas possible hors ligne pour le moment. Demandez de l’aide au personnel.',
    DEPOSITS_NOT_YET: 'Le dépôt hors ligne n’est pas encore ouvert. Réessayez dans quelques minutes.',
    SIZE_NOT_FREE:
      'Cette taille est payante, et le paiement attend le retour de la connexion. Choisissez une taille gratuite.',
    NO_COMPARTMENT_AVAILABLE:
      'Aucun casier de cette taille n’est libre. Choisissez une autre taille ou réessayez plus tard.',
    DOOR_FAILED: 'Le casier ne s’est pas ouvert. Choisissez à nouveau ou demandez de l’aide au personnel.',
    NOT_RECORDED: 'Le casier n’a pas pu être ouvert en toute sécurité. Demandez de l’aide au personnel.',
    RATE_LIMITED: 'Trop de tentatives. Attendez une minute et réessayez.',
    BAD_REQUEST: 'Cela n’a pas fonctionné. Choisissez à nouveau une taille.',
    UNREACHABLE:
      'Les consignes n’ont pas répondu. Si une porte s’est ouverte, n’y mettez pas votre bagage : demandez de l’aide au personnel.',
  },
  ticketHeading: 'Votre code',
  opened: (label) => `Le casier ${label} est ouvert. Déposez votre bagage et fermez la porte.`,
  keep: 'Gardez ce code : il ouvre votre casier.',
  codeCaption: 'Votre code, à noter',
  writeDown:
    'Photographiez le QR code ou notez le code. Tant que les consignes sont hors ligne, il ne peut pas vous être envoyé, et il n’y a pas de code court.',
  locker: 'Casier',
  size: 'Taille',
  includedTime: 'Durée incluse',
  due: 'À retirer avant',
  collect: 'Pour retirer, scannez ce code à la borne.',
};

const es: SiteDepositTexts = {
  storeHint: 'Sin conexión: solo tamaños gratuitos',
  heading: 'Guardar equipaje sin conexión',
  explain: 'Las taquillas están sin conexión. Puede guardar su equipaje ahora en un tamaño gratuito.',
  paidWait: 'Los tamaños de pago esperarán a que vuelva la conexión.',
  checking: 'Comprobando qué se puede guardar…',
  unreachable: 'No se puede contactar con las taquillas. Pida ayuda al personal.',
  notOffered: 'Ahora no se puede guardar sin conexión. Recoger sigue funcionando.',
  opensIn: (countdown, time) => `Se podrá guardar dentro de ${countdown} (a las ${time}).`,
  noSizes: 'Ahora no se puede guardar ningún tamaño gratuito sin conexión aquí.',
  free: (n) => `${n} libre(s)`,
  full: 'Ninguna libre ahora',
  freeOfCharge: 'Gratis',
  included: (duration) => `${duration} incluidas`,
  opening: 'Abriendo una taquilla…',
  refusals: {
    SERVER_REACHABLE:
      'Las taquillas vuelven a estar conectadas. Vuelva atrás y guarde su equipaje como siempre.',
    NOT_READY: 'Ahora no se puede guardar sin conexión. Pida ayuda al personal.',
    DEPOSITS_NOT_YET: 'Aún no se puede guardar sin conexión. Inténtelo de nuevo en unos minutos.',
    SIZE_NOT_FREE:
      'Este tamaño es de pago, y el pago espera a que vuelva la conexión. Elija un tamaño gratuito.',
    NO_COMPARTMENT_AVAILABLE:
      'No hay ninguna taquilla libre de este tamaño. Elija otro tamaño o inténtelo más tarde.',
    DOOR_FAILED: 'La taquilla no se abrió. Elija de nuevo o pida ayuda al personal.',
    NOT_RECORDED: 'La taquilla no se pudo abrir de forma segura. Pida ayuda al personal.',
    RATE_LIMITED: 'Demasiados intentos. Espere un minuto e inténtelo de nuevo.',
    BAD_REQUEST: 'No ha funcionado. Elija un tamaño de nuevo.',
    UNREACHABLE:
      'Las taquillas no respondieron. Si se abrió una puerta, no meta su equipaje: pida ayuda al personal.',
  },
  ticketHeading: 'Su código',
  opened: (label) => `La taquilla ${label} está abierta. Meta su equipaje y cierre la puerta.`,
  keep: 'Guarde este código: abre su taquilla.',
  codeCaption: 'Su código, para apuntar',
  writeDown:
    'Haga una foto del código QR o apunte el código. Mientras las taquillas estén sin conexión no se le puede enviar, y no hay código corto.',
  locker: 'Taquilla',
  size: 'Tamaño',
  includedTime: 'Tiempo incluido',
  due: 'Recoger antes de',
  collect: 'Para recoger, escanee este código en el terminal.',
};

const TEXTS: Record<Lang, SiteDepositTexts> = { en, de, fr, es };

/** The texts in `lang`. */
export function siteDepositTexts(lang: Lang): SiteDepositTexts {
  return TEXTS[lang];
}
