import { UserEntity } from './user.entity.js';
import { badInput, conflict, unauthenticated } from '../../errors/domain-error.js';
import { newId } from '../../shared/ids.js';
import { hashPassword, verifyPassword } from '../../auth/secrets.js';
import { toUserView } from './user.types.js';
// Verifying against a real hash when the email is unknown keeps both answers equally slow.
const DUMMY_HASH = hashPassword('not-a-real-password-000');
/** People: sign-in and accounts with roles. */
export class UserService {
    constructor(em, tokens) {
        this.em = em;
        this.tokens = tokens;
    }
    async login(email, password) {
        const user = await this.em
            .fork()
            .findOne(UserEntity, { email: normaliseEmail(email) }, { populate: ['passwordHash'] });
        const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), password);
        if (!user || !ok)
            throw unauthenticated('Email or password is wrong');
        const token = await this.tokens.sign({ userId: user.id, email: user.email, role: user.role });
        return { token, user: toUserView(user) };
    }
    async create(email, password, role) {
        const normalised = normaliseEmail(email);
        if (!/^[^@\s]{1,64}@[^@\s]{1,189}$/.test(normalised))
            throw badInput('email', 'email is not a valid address');
        if (password.length < 10 || password.length > 200)
            throw badInput('password', 'password must be 10 to 200 characters');
        const em = this.em.fork();
        if (await em.findOne(UserEntity, { email: normalised }))
            throw conflict('A user with this email exists');
        const user = em.create(UserEntity, { id: newId(), email: normalised, role, passwordHash: await hashPassword(password) });
        await em.flush();
        return user;
    }
    /** The first ADMIN from ADMIN_EMAIL/ADMIN_PASSWORD; leaves an existing account alone. */
    async ensureAdmin(email, password) {
        const em = this.em.fork();
        if (await em.findOne(UserEntity, { email: normaliseEmail(email) }))
            return 'exists';
        await this.create(email, password, 'ADMIN');
        return 'created';
    }
    list() {
        return this.em.fork().find(UserEntity, {}, { orderBy: { email: 'asc' } });
    }
    get(id) {
        return this.em.fork().findOne(UserEntity, id);
    }
}
export const normaliseEmail = (email) => email.trim().toLowerCase();
//# sourceMappingURL=user.service.js.map