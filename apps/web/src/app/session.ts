// The signed-in user: loaded from /auth/me, set by signing in, cleared by signing out or by any 401.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@guanxi/contracts';
import { api, ApiError, setCsrfToken } from '../platform/api.ts';
import { changeLocale, hasSavedLocale } from './i18n/i18n.ts';

export const sessionKey = ['session'] as const;
const signedOutKey = ['signedOutReason'] as const;

/** Why the login page is shown; it tells the user in words. */
export type SignedOutReason = 'expired' | 'signedOut' | 'loggedOut';

/** Ends the session in the app; the route guard then sends the user to the login page with the reason. */
export function markSignedOut(queryClient: QueryClient, reason: SignedOutReason | null): void {
  queryClient.setQueryData(signedOutKey, reason);
  queryClient.setQueryData(sessionKey, null);
}

export const signedOutReason = (queryClient: QueryClient): SignedOutReason | undefined =>
  queryClient.getQueryData<SignedOutReason | null>(signedOutKey) ?? undefined;

async function fetchSession(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: Infinity, retry: false });
}

export interface Credentials {
  username: string;
  password: string;
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation<Me, ApiError, Credentials>({
    mutationFn: (credentials) => api.post<Me>('/auth/login', credentials),
    onSuccess: async (me) => {
      setCsrfToken(me.csrfToken);
      // A browser without a language choice of its own takes the one saved on the account.
      if (!hasSavedLocale()) await changeLocale(me.user.locale);
      queryClient.setQueryData(signedOutKey, null);
      queryClient.setQueryData(sessionKey, me);
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError>({
    mutationFn: async () => {
      try {
        await api.post('/auth/logout');
      } catch (err) {
        // An expired session is already signed out.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
    },
    onSuccess: () => {
      setCsrfToken(null);
      markSignedOut(queryClient, 'loggedOut');
      // Nothing of this user's data may outlive the session; the session entries stay, mounted views watch them.
      const keep = new Set<unknown>([sessionKey[0], signedOutKey[0]]);
      queryClient.removeQueries({ predicate: (query) => !keep.has(query.queryKey[0]) });
    },
  });
}
