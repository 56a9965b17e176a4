import { useEffect, useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { api, type Json } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { ProblemMessage } from '../../components/status.js';
import { useT } from '../../i18n/t.js';
import { KeyTermsCard, type ShownTerms } from './key-terms.js';
import { LookupForm } from './lookup-form.js';
import { payloadFromFragment, type VerificationResult, verifyOffline } from './offline-verify.js';
import { ResultCard } from './result-card.js';

type Online = Json<'/api/v1/verify/{contract_no}', 'get'>;

interface OfflineTerms {
  no?: string;
  terms?: { isco: string; employer: string; wage_minor: number; currency: string; start: string; end: string; worker: string };
}

/**
 * Public verification. With a QR link's fragment the payload is checked here, with no network
 * (WebCrypto and the registry keys this device saw last); without one the number is looked up online.
 */
export default function VerifyPage() {
  const { contractNo = '' } = useParams();
  const { hash } = useLocation();
  const t = useT();
  const [result, setResult] = useState<VerificationResult>();
  const [terms, setTerms] = useState<ShownTerms>();
  const [online, setOnline] = useState<Online>();
  const [problem, setProblem] = useState<Problem>();
  const [payloadNo, setPayloadNo] = useState<string>();

  useEffect(() => {
    let live = true;
    setResult(undefined);
    setTerms(undefined);
    setOnline(undefined);
    setProblem(undefined);
    const fromQr = hash.length > 1 ? payloadFromFragment(hash) : undefined;
    const check = async () => {
      if (hash.length > 1) {
        const verified = await verifyOffline(fromQr ?? null);
        if (!live) return;
        const p = (fromQr ?? {}) as OfflineTerms;
        setPayloadNo(p.no);
        setResult(verified);
        if (p.terms) setTerms({ ...p.terms, initials: p.terms.worker });
        return;
      }
      const { data, problem } = await call(api.GET('/api/v1/verify/{contract_no}', { params: { path: { contract_no: contractNo } } }));
      if (!live) return;
      setOnline(data);
      setProblem(problem);
      const k = data?.key_terms;
      if (k) setTerms({ isco: k.occupation.code, employer: k.employer, wage_minor: k.wage_minor, currency: k.currency, start: k.start, end: k.end, initials: k.worker_initials });
      if (data?.offline_payload) {
        const verified = await verifyOffline(data.offline_payload);
        if (live) setResult(verified);
      }
    };
    void check();
    return () => {
      live = false;
    };
  }, [contractNo, hash]);

  return (
    <section>
      <h1>{t('verify.titleNo', { no: contractNo })}</h1>
      {payloadNo && payloadNo !== contractNo && (
        <p role="alert" className="problem">
          {t('verify.otherNumber', { no: payloadNo })}
        </p>
      )}
      {problem && <ProblemMessage problem={problem} />}
      {online && <p>{t('verify.onlineStatus', { status: online.status })}</p>}
      {result && <ResultCard result={result} offline={hash.length > 1} />}
      {terms && <KeyTermsCard terms={terms} />}
      <LookupForm />
    </section>
  );
}
