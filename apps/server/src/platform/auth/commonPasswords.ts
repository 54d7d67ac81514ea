// STUB: replaced by its owner.
export function isCommonPassword(password: string): boolean {
  return ['password', '12345678', '123456789', 'qwertyui'].includes(password.toLowerCase());
}
