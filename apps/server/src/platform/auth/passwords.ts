// Password hashing (argon2id) and the password policy: at least 8 characters, not a common password,
// no composition rules (OWASP ASVS 2.1).
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../http/errors.ts';
import { isCommonPassword } from './commonPasswords.ts';

// argon2id (algorithm 2) with OWASP's recommended minimum: 19 MiB memory, 2 iterations, 1 lane.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Throws 400 naming `field` when the password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string, field = 'password'): void {
  const fail = (code: string) => new AppError('VALIDATION_FAILED', 400, [{ field, code, message: code }]);
  const length = [...password].length;
  if (length < 8) throw fail('PASSWORD_TOO_SHORT');
  if (length > 128) throw fail('PASSWORD_TOO_LONG');
  if (isCommonPassword(password)) throw fail('PASSWORD_TOO_COMMON');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) throw fail('PASSWORD_CONTAINS_USERNAME');
}
