// Ends the session in the app, with the reason, when the server says it is gone (any 401 but the login's own).
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../platform/api.ts';
import { markSignedOut, sessionKey } from './session.ts';

export function SessionWatcher(): null {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized((code) => {
        const wasSignedIn = queryClient.getQueryData(sessionKey) != null;
        // Opening the app without a session is not news; losing one is.
        if (code === 'SESSION_EXPIRED') markSignedOut(queryClient, 'expired');
        else if (wasSignedIn) markSignedOut(queryClient, 'signedOut');
      }),
    [queryClient],
  );
  return null;
}
