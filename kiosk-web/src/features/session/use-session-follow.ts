import { useCallback, useEffect, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import { CompartmentUpdatedDoc, SessionByAccessCodeDoc, SessionUpdatedDoc } from '../../api/operations';
import { type DoorState, type Session } from '../../api/types';

const POLL_MS = 5000;

/**
 * Follows one session live: `sessionUpdated` for its status, `compartmentUpdated` for its door,
 * and a slow poll of `sessionByAccessCode` as a safety net for events missed during a network drop.
 * `polling` is turned off once the operation has ended (stored, thanks, ...); a stale poll that
 * lands after a newer event is corrected by the next event or poll.
 */
export function useSessionFollow(siteId: string, payload: string, initial: Session, polling: boolean) {
  const [session, setSession] = useState<Session>(initial);
  const [door, setDoor] = useState<DoorState>(initial.compartment?.doorState ?? 'UNKNOWN');
  const [seenOpen, setSeenOpen] = useState(door === 'OPEN');
  const compartmentId = initial.compartment?.id ?? session.compartment?.id ?? null;

  const noteDoor = useCallback((state: DoorState) => {
    setDoor(state);
    if (state === 'OPEN') setSeenOpen(true);
  }, []);
  const noteSession = useCallback(
    (next: Session) => {
      // A poll answered after a newer event must not bring back an earlier state: an ended session stays ended.
      setSession((prev) => (prev.status === 'COMPLETED' || prev.status === 'CANCELLED' ? prev : next));
      if (next.compartment?.id === compartmentId && next.compartment) noteDoor(next.compartment.doorState);
    },
    [compartmentId, noteDoor],
  );

  useSubscription(SessionUpdatedDoc, {
    variables: { sessionId: initial.id },
    onData: ({ data }) => {
      if (data.data) noteSession(data.data.sessionUpdated);
    },
  });
  useSubscription(CompartmentUpdatedDoc, {
    variables: { siteId },
    skip: !compartmentId,
    onData: ({ data }) => {
      const c = data.data?.compartmentUpdated;
      if (c && c.id === compartmentId) noteDoor(c.doorState);
    },
  });
  const polled = useQuery(SessionByAccessCodeDoc, {
    variables: { siteId, payload },
    fetchPolicy: 'network-only',
    pollInterval: polling ? POLL_MS : 0,
  });
  const polledSession = polled.data?.sessionByAccessCode ?? null;
  useEffect(() => {
    if (polledSession) noteSession(polledSession);
  }, [polledSession, noteSession]);

  return { session, door, seenOpen };
}
