import { type FormEvent, useState } from 'react';
import { Navigate } from 'react-router';
import type { Problem } from '../api/problem.js';
import { fieldProblems } from '../api/problem.js';
import { homeOf, useSession } from '../auth/session.js';
import { Field } from '../components/field.js';
import { ProblemMessage } from '../components/status.js';
import { useT } from '../i18n/t.js';

export default function SignIn() {
  const { me, signIn } = useSession();
  const t = useT();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  if (me) return <Navigate to={homeOf(me)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(await signIn(email, password));
    setBusy(false);
  };
  const fields = fieldProblems(problem);
  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('signIn.email')} error={fields.email && t('form.checkField')}>
          <input type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} required />
        </Field>
        <Field label={t('signIn.password')} error={fields.password && t('form.checkField')}>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        {problem?.code === 'unauthenticated' ? (
          <p role="alert" className="problem">
            {t('signIn.wrong')}
          </p>
        ) : (
          problem && !problem.errors && <ProblemMessage problem={problem} />
        )}
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
