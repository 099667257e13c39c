import type { EntityManager } from '@mikro-orm/postgresql';
import { UserEntity } from '../../entities/user.entity.js';
import { badInput, conflict, unauthenticated } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { ruleActor, type AuditActor } from '../../entities/audit-entry.entity.js';
import { recordAudit } from '../../db/audit-trail.js';
import { hashPassword, verifyPassword } from '../../auth/secrets.js';
import { checkRoleSites, checkSiteList } from '../../auth/site-list.js';
import type { UserTokens } from '../../auth/user-tokens.js';
import type { Role } from '../../entities/roles.js';
import type { AuthPayload } from './user.types.js';
import { toUserView } from './user.types.js';

// Verifying against a real hash when the email is unknown keeps both answers equally slow.
const DUMMY_HASH = hashPassword('not-a-real-password-000');

/** People: sign-in and accounts with roles (changes after creation: UserLifecycleService). */
export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokens,
  ) {}

  async login(email: string, password: string): Promise<AuthPayload> {
    const user = await this.em
      .fork()
      .findOne(UserEntity, { email: normaliseEmail(email) }, { populate: ['passwordHash'] });
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
    if (!user || !ok || user.disabledAt) throw unauthenticated('Email or password is wrong');
    const token = await this.tokens.sign({
      userId: user.id,
      email: user.email,
      role: user.role,
      tokenVersion: user.tokenVersion,
    });
    return { token, user: toUserView(user) };
  }

  async create(
    email: string,
    password: string,
    role: Role,
    actor: AuditActor = ruleActor('first-run'),
    siteIds: readonly string[] | null = null,
  ): Promise<UserEntity> {
    const normalised = normaliseEmail(email);
    if (!/^[^@\s]{1,64}@[^@\s]{1,189}$/.test(normalised))
      throw badInput('email', 'email is not a valid address');
    if (password.length < 10 || password.length > 200)
      throw badInput('password', 'password must be 10 to 200 characters');
    const em = this.em.fork();
    const sites = await checkSiteList(em, siteIds);
    checkRoleSites(role, sites);
    if (await em.findOne(UserEntity, { email: normalised })) throw conflict('A user with this email exists');
    const user = em.create(UserEntity, {
      id: newId(),
      email: normalised,
      role,
      passwordHash: await hashPassword(password),
      siteIds: sites === null ? null : [...sites],
    } as UserEntity);
    await recordAudit(em, {
      actor,
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      summary: `Created the account of ${normalised} (${role})`,
      after: { email: normalised, name: null, role, active: true, siteIds: sites },
    });
    await em.flush(); // the account and its audit entry in one transaction
    return user;
  }

  /** The first ADMIN from ADMIN_EMAIL/ADMIN_PASSWORD; leaves an existing account alone. */
  async ensureAdmin(email: string, password: string): Promise<'created' | 'exists'> {
    const em = this.em.fork();
    if (await em.findOne(UserEntity, { email: normaliseEmail(email) })) return 'exists';
    await this.create(email, password, 'ADMIN');
    return 'created';
  }

  list(): Promise<UserEntity[]> {
    return this.em.fork().find(UserEntity, {}, { orderBy: { email: 'asc' } });
  }

  get(id: string): Promise<UserEntity | null> {
    return this.em.fork().findOne(UserEntity, id);
  }
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
