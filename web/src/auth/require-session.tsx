import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { Loading } from '../components/status.js';
import { homeOf, type Me, useSession } from './session.js';

/** Shows `children` only to an account `allow` accepts; others go to their own home. */
export function RequireSession({ allow, children }: { allow: (me: Me) => boolean; children: ReactNode }) {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  if (me === null) return <Navigate to="/sign-in" replace />;
  return allow(me) ? children : <Navigate to={homeOf(me)} replace />;
}
