import { Navigate } from 'react-router';
import { homeOf, useSession } from '../auth/session.js';
import { Loading } from '../components/status.js';

/** "/" sends each account to its own home, and a visitor to sign in. */
export default function Home() {
  const { me } = useSession();
  if (me === undefined) return <Loading />;
  return <Navigate to={me ? homeOf(me) : '/sign-in'} replace />;
}
