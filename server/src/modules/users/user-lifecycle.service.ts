import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { UserEntity } from '../../entities/user.entity.js';
import { badInput, conflict, notFound } from '../../errors/domain-error.js';
import type { Revocations } from '../../auth/revocations.js';
import { hashPassword } from '../../auth/secrets.js';
import { randomBytes } from 'node:crypto';
import type { Role } from '../../entities/roles.js';
import type { AuditActor } from '../../entities/audit-entry.entity.js';
import { recordAudit } from '../../db/audit-trail.js';
import { checkRoleSites, checkSiteList } from '../../auth/site-list.js';

export interface UserEdit {
  name?: string | null;
  role?: Role | null;
}

/**
 * Accounts after their creation: edit, deactivate and reactivate, delete, password reset,
 * sign-out-everywhere and the sites it may act on. Whatever takes rights away bumps the
 * account's token version, so its tokens stop at once on every instance (and its open
 * subscriptions are closed); the last active ADMIN can never be removed, demoted or
 * deactivated. A change of sites keeps the tokens: every instance re-reads the account's
 * sites at its next request and reconnects its subscriptions.
 */

/** What a change does to the account's credentials: nothing, end them, or have them re-read. */
type Effect = boolean | 'rights';

export class UserLifecycleService {
  constructor(
    private readonly em: EntityManager,
    private readonly revocations: Revocations,
  ) {}

  /** Name and role; a changed role ends the account's sessions (its tokens carry the old one). */
  async update(userId: string, edit: UserEdit, actor: AuditActor): Promise<UserEntity> {
    const name = edit.name == null ? undefined : checkName(edit.name);
    return this.change(userId, actor, 'user.update', async (tx, user) => {
      if (name !== undefined) user.name = name;
      if (edit.role && edit.role !== user.role) {
        if (userId === actor.id) throw badInput('role', 'you cannot change your own role');
        if (user.role === 'ADMIN') await this.keepAnAdmin(tx, user);
        if (edit.role === 'ADMIN' && user.siteIds !== null)
          throw badInput('role', 'an ADMIN is always all sites: give the account all sites first');
        user.role = edit.role;
        return true;
      }
      return false;
    });
  }

  /**
   * The sites the account may see and act on (null: all). Only an OPERATOR or VIEWER can be
   * limited. Applies to the account's next request on every instance, without a new sign-in.
   */
  async setSites(userId: string, siteIds: readonly string[] | null, actor: AuditActor): Promise<UserEntity> {
    const sites = await checkSiteList(this.em, siteIds);
    return this.change(userId, actor, 'user.set-sites', (_tx, user) => {
      checkRoleSites(user.role, sites);
      const same = JSON.stringify(user.siteIds) === JSON.stringify(sites);
      user.siteIds = sites === null ? null : [...sites];
      return Promise.resolve(same ? false : 'rights');
    });
  }

  /** Sign-in refused, its tokens rejected and its connections closed on every instance. */
  async deactivate(userId: string, actor: AuditActor): Promise<UserEntity> {
    if (userId === actor.id) throw badInput('userId', 'you cannot deactivate your own account');
    return this.change(userId, actor, 'user.deactivate', async (tx, user) => {
      if (user.disabledAt) return false;
      if (user.role === 'ADMIN') await this.keepAnAdmin(tx, user);
      user.disabledAt = new Date();
      return true;
    });
  }

  /** Sign-in allowed again; tokens issued before the deactivation stay invalid. */
  async reactivate(userId: string, actor: AuditActor): Promise<UserEntity> {
    return this.change(userId, actor, 'user.reactivate', (_tx, user) => {
      user.disabledAt = null;
      return Promise.resolve(false);
    });
  }

  /** Removes the account; its tokens stop at once (there is no account to match them). */
  async delete(userId: string, actor: AuditActor): Promise<string> {
    if (userId === actor.id) throw badInput('userId', 'you cannot delete your own account');
    await this.change(userId, actor, 'user.delete', async (tx, user) => {
      if (user.role === 'ADMIN' && !user.disabledAt) await this.keepAnAdmin(tx, user);
      tx.remove(user);
      return true;
    });
    return userId;
  }

  /**
   * Sets the given password, or a generated one returned once for the ADMIN to hand over;
   * either way every token of the account stops working.
   */
  async resetPassword(userId: string, password: string | null, actor: AuditActor): Promise<string | null> {
    if (password != null && (password.length < 10 || password.length > 200))
      throw badInput('password', 'password must be 10 to 200 characters');
    const chosen = password ?? randomBytes(12).toString('base64url');
    const hash = await hashPassword(chosen);
    await this.change(userId, actor, 'user.reset-password', (_tx, user) => {
      user.passwordHash = hash;
      return Promise.resolve(true);
    });
    return password == null ? chosen : null;
  }

  /** Every token of the account stops working now; the password stays. */
  async signOutEverywhere(userId: string, actor: AuditActor): Promise<UserEntity> {
    return this.change(userId, actor, 'user.sign-out-everywhere', () => Promise.resolve(true));
  }

  /**
   * One locked read-modify-write of an account. `apply` says whether the change ends the
   * account's sessions: then its token version grows and the revocation is announced after
   * the commit.
   */
  private async change(
    userId: string,
    actor: AuditActor,
    action: string,
    apply: (tx: EntityManager, user: UserEntity) => Promise<Effect>,
  ): Promise<UserEntity> {
    let effect = false as Effect;
    const user = await this.em.fork().transactional(async (tx) => {
      // the active ADMINs first, in id order, then the account: a fixed lock order, so two
      // ADMINs removing each other at once queue instead of deadlocking (and cannot both win)
      await tx.execute(
        `select id from app_user where role = 'ADMIN' and disabled_at is null order by id for update`,
      );
      const found = await tx.findOne(UserEntity, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!found) throw notFound('User');
      const before = accountFields(found);
      effect = await apply(tx, found);
      if (effect === true) found.tokenVersion += 1;
      await recordAudit(tx, {
        actor,
        action,
        subjectType: 'user',
        subjectId: found.id,
        summary: `${ACTION_TEXT[action] ?? action} ${found.email}`,
        before,
        after: action === 'user.delete' ? null : accountFields(found),
      });
      return found;
    });
    if (effect === true) this.revocations.announce({ kind: 'user', id: userId });
    if (effect === 'rights') this.revocations.announce({ kind: 'user', id: userId, rightsChanged: true });
    return user;
  }

  /** Refuses to take away the last active ADMIN (their rows are locked by `change`). */
  private async keepAnAdmin(tx: EntityManager, leaving: UserEntity): Promise<void> {
    const admins = await tx.execute<{ id: string }[]>(
      `select id from app_user where role = 'ADMIN' and disabled_at is null`,
    );
    if (!admins.some((a) => a.id !== leaving.id))
      throw conflict('This is the last active ADMIN: make another ADMIN first');
  }
}

function checkName(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length > 120) throw badInput('name', 'name must be at most 120 characters');
  return trimmed || null;
}

const ACTION_TEXT: Record<string, string> = {
  'user.update': 'Edited the account of',
  'user.deactivate': 'Deactivated',
  'user.reactivate': 'Reactivated',
  'user.delete': 'Deleted the account of',
  'user.reset-password': 'Reset the password of',
  'user.sign-out-everywhere': 'Signed out everywhere',
  'user.set-sites': 'Changed the sites of',
};

/** What the audit log keeps of an account: never its password or token version. */
function accountFields(user: UserEntity): Record<string, unknown> {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    active: !user.disabledAt,
    siteIds: user.siteIds,
  };
}
