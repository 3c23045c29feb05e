import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new bearer token: 256 random bits, prefixed so that secret scanners recognise it. */
export function generateToken(): string {
  return `vof_${randomBytes(32).toString('base64url')}`;
}

/**
 * Tokens are high-entropy random strings, so a plain SHA-256 is the right hash: there is nothing
 * for a slow password hash to protect against, and lookup by hash stays an index seek.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
