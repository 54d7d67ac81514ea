// Turns a failed sign-in into words for the user: wrong password, locked account with the wait, no network.
import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR } from '../platform/api.ts';

export function formatWait(t: TFunction, totalSeconds: number): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = Math.ceil(totalSeconds % 60);
  if (minutes === 0) return t('duration.seconds', { seconds });
  if (seconds === 0) return t('duration.minutes', { minutes });
  return t('duration.minutesSeconds', { minutes, seconds });
}

export function signInErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('login.errors.other', { message: String(error) });
  const wait = error.retryAfterSeconds;
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
    case 'VALIDATION_FAILED':
      return t('login.errors.invalidCredentials');
    case 'ACCOUNT_LOCKED':
      return wait ? t('login.errors.locked', { wait: formatWait(t, wait) }) : t('login.errors.lockedNoWait');
    case 'RATE_LIMITED':
      return wait ? t('login.errors.rateLimited', { wait: formatWait(t, wait) }) : t('login.errors.lockedNoWait');
    case NETWORK_ERROR:
      return t('login.errors.network');
    default:
      // The server localises its own messages by Accept-Language, which follows the interface language.
      return error.status >= 500 ? t('login.errors.network') : t('login.errors.other', { message: error.message });
  }
}
