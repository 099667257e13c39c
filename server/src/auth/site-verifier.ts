import { sha256 } from './secrets.js';

/**
 * What a site keeps to check a code offline: a hash of the stored code hash, bound to the
 * site. It opens nothing by itself (a scan needs the code, whose 160 random bits no one can
 * find from a hash), and it is not the server's lookup key either, so a stolen site box
 * reveals neither a code nor a row of the server's index. The gateway computes the same from
 * a scanned code: `sha256("lockers-site-verifier:v1:" + siteId + ":" + sha256(code))`.
 */
export const siteVerifier = (siteId: string, codeHash: string): string =>
  sha256(`lockers-site-verifier:v1:${siteId}:${codeHash}`);
