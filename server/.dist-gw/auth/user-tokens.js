import { SignJWT, jwtVerify } from 'jose';
/** Signs and verifies people's tokens (HS256 JWT with the server's AUTH_SECRET). */
export class UserTokens {
    constructor(secret, ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
        this.key = new TextEncoder().encode(secret);
    }
    sign(claims) {
        return new SignJWT({ email: claims.email, role: claims.role })
            .setProtectedHeader({ alg: 'HS256' })
            .setSubject(claims.userId)
            .setIssuedAt()
            .setExpirationTime(`${this.ttlSeconds}s`)
            .setIssuer('lockers')
            .sign(this.key);
    }
    /** null for anything not signed by us, expired or malformed. */
    async verify(token) {
        try {
            const { payload } = await jwtVerify(token, this.key, { issuer: 'lockers', algorithms: ['HS256'] });
            const role = payload.role;
            if (typeof payload.sub !== 'string' || typeof payload.email !== 'string')
                return null;
            if (role !== 'ADMIN' && role !== 'OPERATOR' && role !== 'VIEWER')
                return null;
            return { userId: payload.sub, email: payload.email, role };
        }
        catch {
            return null;
        }
    }
}
//# sourceMappingURL=user-tokens.js.map