import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SiteEntity } from '../../entities/site.entity.js';
import { badInput, notFound } from '../../errors/domain-error.js';
import { transact } from '../../db/transaction.js';
import type { EventBus } from '../../events/event-bus.js';
import { checkText } from '../../security/text-policy.js';

/** Digits with an optional leading +, spaces, dots, dashes and brackets between: what a traveller can dial. */
const PHONE = /^\+?[0-9(][0-9 ().-]{4,23}[0-9]$/;
const MAX_HOURS = 120;

/** A phone number to show and dial: refused unless it looks like one (6 to 15 digits). */
export function checkHelpPhone(value: string): string {
  const phone = value.trim();
  const digits = phone.replace(/\D/g, '').length;
  if (!PHONE.test(phone) || digits < 6 || digits > 15)
    throw badInput('phone', 'phone must be a phone number such as +49 30 1234567');
  return phone;
}

/** Opening hours in the operator's words ("Daily 06:00-22:00"): one line, at most 120 characters. */
export function checkHelpHours(value: string): string {
  const hours = checkText(value, 'hours').trim();
  if (/[\r\n]/.test(hours)) throw badInput('hours', 'hours must be one line');
  if ([...hours].length > MAX_HOURS) throw badInput('hours', `hours must be at most ${MAX_HOURS} characters`);
  return hours;
}

/** The help a site offers travellers: its phone number and opening hours, set by the operator. */
export class SiteHelpService {
  constructor(
    private readonly em: EntityManager,
    private readonly bus: EventBus,
  ) {}

  /** Sets both (an empty text removes one); the kiosks and phone pages read it on their next load. */
  async set(siteId: string, help: { phone: string | null; hours: string | null }): Promise<SiteEntity> {
    const phone = help.phone?.trim() ? checkHelpPhone(help.phone) : null;
    const hours = help.hours?.trim() ? checkHelpHours(help.hours) : null;
    return transact(this.em, this.bus, async (tx, fx) => {
      const site = await tx.findOne(SiteEntity, siteId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!site) throw notFound('Site');
      site.helpPhone = phone;
      site.helpHours = hours;
      fx.publish('SITE_CHANGED', site.id, () => ({ siteId: site.id }));
      return site;
    });
  }
}
