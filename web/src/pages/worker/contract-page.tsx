import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.js';
import { call, type Problem } from '../../api/problem.js';
import { Loading, ProblemMessage, useStatusLabel } from '../../components/status.js';
import { LANGUAGES, isLang } from '../../i18n/languages.js';
import { useLang } from '../../i18n/locale-provider.js';
import { useT } from '../../i18n/t.js';
import { PdfLink } from '../pdf-link.js';
import { OfferAnswer } from './offer-answer.js';
import { RegistryCard } from './registry-card.js';
import { type Contract, REGISTERED, termsOf, versionToShow } from './terms.js';
import { TermsFull } from './terms-full.js';
import { TermsSummary } from './terms-summary.js';

/**
 * One of the worker's contracts. An offer is opened with ?lang= in the language the page is
 * shown in: the API records that the worker was shown the terms in it, which acceptance needs.
 * Another worker's contract id answers 404 from the API, and this page shows "not found".
 */
export default function ContractPage() {
  const { id = '' } = useParams();
  const { lang, setLang } = useLang();
  const t = useT();
  const statusLabel = useStatusLabel();
  const [contract, setContract] = useState<Contract>();
  const [problem, setProblem] = useState<Problem>();

  const load = useCallback(async () => {
    const first = await call(api.GET('/api/v1/contracts/{id}', { params: { path: { id } } }));
    let data = first.data;
    const offered = data?.versions.find((v) => v.state === 'offered');
    if (offered && termsOf(offered).languages.includes(lang)) {
      const shown = await call(api.GET('/api/v1/contracts/{id}', { params: { path: { id }, query: { lang } } }));
      data = shown.data ?? data;
    }
    setContract(data);
    setProblem(first.problem);
  }, [id, lang]);

  useEffect(() => {
    void load();
  }, [load]);

  if (problem) return <ProblemMessage problem={problem} />;
  if (!contract) return <Loading />;
  const version = versionToShow(contract);
  if (!version) return <ProblemMessage problem={{ status: 404, code: 'not_found' }} />;
  const terms = termsOf(version);
  const isOffer = version.state === 'offered';
  const readable = terms.languages.includes(lang);
  const offeredIn = LANGUAGES.filter((l) => terms.languages.includes(l.code));

  return (
    <article>
      <p>
        <Link to="/worker">{t('common.back')}</Link>
      </p>
      <h1>{t('contract.title', { employer: contract.employer.name })}</h1>
      <p className="muted">{t('contract.numberStatus', { no: contract.contract_no, status: statusLabel(contract.stage) })}</p>
      {isOffer && !readable && (
        <div className="card notice" role="note">
          <p>{t('contract.otherLanguages')}</p>
          <ul className="inline">
            {offeredIn.map((l) => (
              <li key={l.code}>
                <button type="button" lang={l.code} onClick={() => isLang(l.code) && setLang(l.code)}>
                  {l.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {REGISTERED.has(contract.status) && <RegistryCard contractNo={contract.contract_no} />}
      {REGISTERED.has(contract.status) && (
        <p>
          <PdfLink contractId={contract.id} />
        </p>
      )}
      <TermsSummary terms={terms} monthlyMinor={version.monthly_fixed_minor} />
      {isOffer && readable && <OfferAnswer contractId={contract.id} digest={version.terms_digest} language={lang} onDone={load} />}
      <TermsFull terms={terms} />
    </article>
  );
}
