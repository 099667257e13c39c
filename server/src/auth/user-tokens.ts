import { SignJWT, jwtVerify } from 'jose';
import type { Role } from '../entities/roles.js';

export interface UserClaims {
  userId: string;
  email: string;
  role: Role;
  /** The account's token version when signed; a token of an older version is refused. */
  tokenVersion: number;
}

/** Verified claims and when the token stops being valid (ms since the epoch). */
export interface VerifiedUserToken {
  claims: UserClaims;
  expiresAt: number;
}

/** Signs and verifies people's tokens (HS256 JWT with the server's AUTH_SECRET). */
export class UserTokens {
  private readonly key: Uint8Array;
  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: UserClaims): Promise<string> {
    return new SignJWT({ email: claims.email, role: claims.role, ver: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .setIssuer('lockers')
      .sign(this.key);
  }

  /** null for anything not signed by us, expired or malformed. */
  async verify(token: string): Promise<UserClaims | null> {
    return (await this.verifyWithExpiry(token))?.claims ?? null;
  }

  /** As `verify`, with the expiry (every token we sign has one; a token without is refused). */
  async verifyWithExpiry(token: string): Promise<VerifiedUserToken | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'lockers', algorithms: ['HS256'] });
      const role = payload.role;
      if (
        typeof payload.sub !== 'string' ||
        typeof payload.email !== 'string' ||
        typeof payload.exp !== 'number'
      )
        return null;
      if (role !== 'ADMIN' && role !== 'OPERATOR' && role !== 'VIEWER') return null;
      // tokens signed before versions existed are version 0
      const tokenVersion = typeof payload.ver === 'number' ? payload.ver : 0;
      return {
        claims: { userId: payload.sub, email: payload.email, role, tokenVersion },
        expiresAt: payload.exp * 1000,
      };
    } catch {
      return null;
    }
  }
}
