// Sends the user to the login page, with the reason, when the server says the session is gone.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { onUnauthorized } from '../platform/api.ts';
import { sessionKey, type SignedOutReason } from './session.ts';

export function SessionWatcher(): null {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onUnauthorized((code) => {
        const wasSignedIn = queryClient.getQueryData(sessionKey) != null;
        // Opening the app without a session is not news; losing one is.
        if (code !== 'SESSION_EXPIRED' && !wasSignedIn) return;
        const reason: SignedOutReason = code === 'SESSION_EXPIRED' ? 'expired' : 'signedOut';
        void navigate('/login', { replace: true, state: { reason } });
        queryClient.setQueryData(sessionKey, null);
      }),
    [navigate, queryClient],
  );
  return null;
}
