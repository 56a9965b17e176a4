import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import { call } from '../../api/problem.js';
import { useT } from '../../i18n/t.js';

/** The registered contract's QR code and the verification link it holds (with the offline payload). */
export function RegistryCard({ contractNo }: { contractNo: string }) {
  const t = useT();
  const [link, setLink] = useState<string>();
  useEffect(() => {
    void call(api.GET('/api/v1/verify/{contract_no}/link', { params: { path: { contract_no: contractNo } } })).then(({ data }) =>
      setLink(data?.url),
    );
  }, [contractNo]);
  const no = encodeURIComponent(contractNo);
  return (
    <section aria-labelledby="registry-title" className="card registry">
      <h2 id="registry-title">{t('registry.title')}</h2>
      <p>{t('registry.explain')}</p>
      <img src={`/api/v1/verify/${no}/qr.svg`} alt={t('registry.qrAlt', { no: contractNo })} width={200} height={200} />
      <p>
        <a href={link ?? `/verify/${no}`}>{t('registry.link')}</a>
      </p>
    </section>
  );
}
