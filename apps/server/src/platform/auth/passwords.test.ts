// The password policy and the common-password list, without a database.
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.ts';
import { commonPasswordCount, isCommonPassword } from './commonPasswords.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';

const policyCode = (password: string, username = 'zhangsan'): string | null => {
  try {
    assertPasswordPolicy(password, username, 'newPassword');
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    const detail = (err as AppError).details![0]!;
    expect(detail.field).toBe('newPassword');
    return detail.code;
  }
};

describe('isCommonPassword', () => {
  it('knows well over a thousand passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThan(1000);
  });

  it.each([
    '123456',
    'woaini1314',
    '5201314',
    'qq123456',
    'a123456',
    '88888888',
    'iloveyou',
    '1qaz2wsx',
    'password',
    'zhang123456',
  ])('rejects %s', (password) => expect(isCommonPassword(password)).toBe(true));

  it('compares case-insensitively and ignores surrounding spaces', () => {
    expect(isCommonPassword('PassWord123')).toBe(true);
    expect(isCommonPassword('  Iloveyou ')).toBe(true);
  });

  it('accepts passwords that are not on the list', () => {
    expect(isCommonPassword('correct horse battery')).toBe(false);
    expect(isCommonPassword('春眠不觉晓处处闻啼鸟')).toBe(false);
  });
});

describe('assertPasswordPolicy', () => {
  it('asks for at least 8 characters, counting Chinese characters as one each', () => {
    expect(policyCode('Ab1!xyz')).toBe('PASSWORD_TOO_SHORT');
    expect(policyCode('春眠不觉晓处处闻')).toBeNull();
  });

  it('allows up to 128 characters, with no composition rules', () => {
    expect(policyCode('a'.repeat(129))).toBe('PASSWORD_TOO_LONG');
    expect(policyCode('only lower case words')).toBeNull();
  });

  it('rejects common passwords and passwords containing the username', () => {
    expect(policyCode('qwertyuiop')).toBe('PASSWORD_TOO_COMMON');
    expect(policyCode('my-ZhangSan-secret')).toBe('PASSWORD_CONTAINS_USERNAME');
  });
});

describe('hashPassword / verifyPassword', () => {
  it('stores argon2id and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'Correct horse battery')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
