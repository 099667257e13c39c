import { formatMoney, type Money } from '@lockers/common';
import type { MessageLanguage } from '../../shared/message-locale.js';

/** Who a message is for and where: the depositor's language, the site's name and time zone. */
export interface MessageContext {
  language: MessageLanguage;
  siteName: string;
  timezone: string;
}

export interface Text {
  subject: string;
  body: string;
}

/** A time as the traveller reads the site's clocks: "5 Dec, 14:30 CET". */
export function siteTime(ctx: MessageContext, at: Date): string {
  return new Intl.DateTimeFormat(ctx.language, {
    timeZone: ctx.timezone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

const money = (ctx: MessageContext, m: Money): string => formatMoney(m, ctx.language);
const duration = (minutes: number): string =>
  minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;

export interface CodeFacts {
  shortCode: string;
  payload: string;
  /** Until a first deposit: store before then. */
  validUntil: Date | null;
  /** Once stored: the included time ends then. */
  dueAt: Date | null;
  price: Money;
  includedMinutes: number;
  overduePerHour: Money;
  reference: string;
}

/** The code as the kiosk showed it: to type, to scan, until when, and what it costs. */
export function codeMessage(ctx: MessageContext, f: CodeFacts): Text {
  const v = {
    site: ctx.siteName,
    code: f.shortCode,
    until: f.validUntil ? siteTime(ctx, f.validUntil) : null,
    due: f.dueAt ? siteTime(ctx, f.dueAt) : null,
    price: f.price.amount === 0 ? null : money(ctx, f.price),
    included: duration(f.includedMinutes),
    rate: money(ctx, f.overduePerHour),
  };
  const lines: Record<MessageLanguage, () => [string, string[]]> = {
    en: () => [
      `Your locker code at ${v.site}: ${v.code}`,
      [
        `Your code: ${v.code} (type it at the kiosk, or scan the QR code).`,
        `QR code text: ${f.payload}`,
        v.until ? `Store your luggage before ${v.until}.` : `Included until ${v.due}.`,
        `${v.price ? `Price: ${v.price} for ${v.included}` : `Free for ${v.included}`}, then ${v.rate} per hour.`,
      ],
    ],
    de: () => [
      `Ihr Schließfach-Code bei ${v.site}: ${v.code}`,
      [
        `Ihr Code: ${v.code} (am Terminal eingeben oder den QR-Code scannen).`,
        `Text des QR-Codes: ${f.payload}`,
        v.until ? `Bitte verstauen Sie Ihr Gepäck vor ${v.until}.` : `Inbegriffen bis ${v.due}.`,
        `${v.price ? `Preis: ${v.price} für ${v.included}` : `Kostenlos für ${v.included}`}, danach ${v.rate} pro Stunde.`,
      ],
    ],
    fr: () => [
      `Votre code de consigne à ${v.site} : ${v.code}`,
      [
        `Votre code : ${v.code} (à saisir sur la borne, ou scannez le QR code).`,
        `Texte du QR code : ${f.payload}`,
        v.until ? `Déposez votre bagage avant ${v.until}.` : `Inclus jusqu’à ${v.due}.`,
        `${v.price ? `Prix : ${v.price} pour ${v.included}` : `Gratuit pendant ${v.included}`}, puis ${v.rate} par heure.`,
      ],
    ],
    es: () => [
      `Su código de consigna en ${v.site}: ${v.code}`,
      [
        `Su código: ${v.code} (escríbalo en el quiosco o escanee el código QR).`,
        `Texto del código QR: ${f.payload}`,
        v.until ? `Guarde su equipaje antes de ${v.until}.` : `Incluido hasta ${v.due}.`,
        `${v.price ? `Precio: ${v.price} por ${v.included}` : `Gratis durante ${v.included}`}, después ${v.rate} por hora.`,
      ],
    ],
  };
  const [subject, body] = lines[ctx.language]();
  return { subject, body: [...body, reference(ctx, f.reference)].join('\n') };
}

export interface ReceiptFacts {
  storedAt: Date;
  collectedAt: Date;
  size: string;
  paid: Money;
  reference: string;
}

/** At collection: when stored and collected, how long, and what was paid. */
export function receiptMessage(ctx: MessageContext, f: ReceiptFacts): Text {
  const minutes = Math.round((f.collectedAt.getTime() - f.storedAt.getTime()) / 60_000);
  const v = {
    site: ctx.siteName,
    stored: siteTime(ctx, f.storedAt),
    collected: siteTime(ctx, f.collectedAt),
    time: duration(minutes),
    paid: money(ctx, f.paid),
  };
  const t: Record<MessageLanguage, [string, string[]]> = {
    en: [
      'Your locker receipt',
      [
        `Thank you for using our lockers at ${v.site}.`,
        `Stored: ${v.stored}`,
        `Collected: ${v.collected} (${v.time})`,
        `Size: ${f.size}`,
        `Paid: ${v.paid}`,
      ],
    ],
    de: [
      'Ihr Schließfach-Beleg',
      [
        `Danke, dass Sie unsere Schließfächer bei ${v.site} genutzt haben.`,
        `Eingelagert: ${v.stored}`,
        `Abgeholt: ${v.collected} (${v.time})`,
        `Größe: ${f.size}`,
        `Bezahlt: ${v.paid}`,
      ],
    ],
    fr: [
      'Votre reçu de consigne',
      [
        `Merci d’avoir utilisé nos consignes à ${v.site}.`,
        `Déposé : ${v.stored}`,
        `Retiré : ${v.collected} (${v.time})`,
        `Taille : ${f.size}`,
        `Payé : ${v.paid}`,
      ],
    ],
    es: [
      'Su recibo de consigna',
      [
        `Gracias por usar nuestras taquillas en ${v.site}.`,
        `Guardado: ${v.stored}`,
        `Recogido: ${v.collected} (${v.time})`,
        `Tamaño: ${f.size}`,
        `Pagado: ${v.paid}`,
      ],
    ],
  };
  const [subject, body] = t[ctx.language];
  return { subject, body: [...body, reference(ctx, f.reference)].join('\n') };
}

/** Before the included time ends. */
export function reminderMessage(ctx: MessageContext, dueAt: Date, rate: Money): Text {
  const due = siteTime(ctx, dueAt);
  const r = money(ctx, rate);
  const t: Record<MessageLanguage, Text> = {
    en: {
      subject: 'Your locker time is nearly up',
      body: `${ctx.siteName}: your luggage storage is included until ${due}. After that, ${r} per started hour applies.`,
    },
    de: {
      subject: 'Ihre Schließfachzeit endet bald',
      body: `${ctx.siteName}: Die Aufbewahrung ist bis ${due} inbegriffen. Danach kostet jede angefangene Stunde ${r}.`,
    },
    fr: {
      subject: 'Votre temps de consigne se termine bientôt',
      body: `${ctx.siteName} : la consigne est incluse jusqu’à ${due}. Ensuite, ${r} par heure commencée.`,
    },
    es: {
      subject: 'Su tiempo de consigna está por terminar',
      body: `${ctx.siteName}: la consigna está incluida hasta ${due}. Después, ${r} por hora empezada.`,
    },
  };
  return t[ctx.language];
}

/** Once overdue: since when, the fee so far and the rate. */
export function overdueMessage(ctx: MessageContext, dueAt: Date, fee: Money, rate: Money): Text {
  const due = siteTime(ctx, dueAt);
  const f = money(ctx, fee);
  const r = money(ctx, rate);
  const t: Record<MessageLanguage, Text> = {
    en: {
      subject: 'Your locker storage is overdue',
      body: `${ctx.siteName}: your included time ended at ${due}. The overdue fee so far is ${f} (${r} per started hour); pay it at the kiosk to collect your luggage.`,
    },
    de: {
      subject: 'Ihre Aufbewahrung ist überzogen',
      body: `${ctx.siteName}: Ihre inbegriffene Zeit endete um ${due}. Die Überziehungsgebühr beträgt bisher ${f} (${r} pro angefangene Stunde); bezahlen Sie sie am Terminal, um Ihr Gepäck abzuholen.`,
    },
    fr: {
      subject: 'Votre consigne est en dépassement',
      body: `${ctx.siteName} : votre temps inclus a pris fin à ${due}. Les frais de dépassement s’élèvent à ${f} (${r} par heure commencée) ; réglez-les à la borne pour récupérer votre bagage.`,
    },
    es: {
      subject: 'Su consigna está vencida',
      body: `${ctx.siteName}: su tiempo incluido terminó a las ${due}. El recargo hasta ahora es ${f} (${r} por hora empezada); páguelo en el quiosco para recoger su equipaje.`,
    },
  };
  return t[ctx.language];
}

/** The one-time recovery code for a lost access code. */
export function recoveryMessage(ctx: MessageContext, code: string): Text {
  const t: Record<MessageLanguage, Text> = {
    en: {
      subject: 'Your locker recovery code',
      body: `${ctx.siteName}: your one-time code is ${code}. Enter it at the kiosk or on your phone within 15 minutes to get a new access code. If you did not ask for it, ignore this message.`,
    },
    de: {
      subject: 'Ihr Wiederherstellungscode',
      body: `${ctx.siteName}: Ihr Einmalcode lautet ${code}. Geben Sie ihn innerhalb von 15 Minuten am Terminal oder auf Ihrem Telefon ein, um einen neuen Zugangscode zu erhalten. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.`,
    },
    fr: {
      subject: 'Votre code de récupération',
      body: `${ctx.siteName} : votre code à usage unique est ${code}. Saisissez-le sur la borne ou sur votre téléphone dans les 15 minutes pour obtenir un nouveau code d’accès. Si vous ne l’avez pas demandé, ignorez ce message.`,
    },
    es: {
      subject: 'Su código de recuperación',
      body: `${ctx.siteName}: su código de un solo uso es ${code}. Introdúzcalo en el quiosco o en su teléfono en 15 minutos para obtener un nuevo código de acceso. Si no lo ha pedido, ignore este mensaje.`,
    },
  };
  return t[ctx.language];
}

function reference(ctx: MessageContext, id: string): string {
  const label: Record<MessageLanguage, string> = {
    en: 'Reference',
    de: 'Referenz',
    fr: 'Référence',
    es: 'Referencia',
  };
  return `${label[ctx.language]}: ${id}`;
}
