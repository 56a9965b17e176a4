import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/auth/actor.js';
import { conflict, invalid, notFound } from '../../../core/errors.js';
import type { DB } from '../../../schema.js';
import { recordEvent } from '../../audit/record-event.js';
import { openContract } from '../open-contract.js';
import type { ContractTerms } from '../terms.schema.js';
import { verificationQrSvg } from '../verification/qr-code.js';
import { type ContractDocument, contractDocumentHtml, footerTemplate } from './contract-document.js';
import { PLATFORM_LANGUAGES, baseOf, isPlatformLanguage } from './messages.js';
import type { PdfRenderer } from './pdf-renderer.js';

export interface ContractPdf {
  contractNo: string;
  lang: string;
  filename: string;
  pdf: Buffer;
}

export interface ContractPdfRequest {
  /** The contract's id; or its number (the command line). */
  id?: string;
  contractNo?: string;
  lang: string;
  /** Where the verification page is served: the QR code and the printed address point there. */
  baseUrl: string;
}

/**
 * The languages a contract's PDF is printed in: the platform's eight, and the languages of the
 * worker's copy the terms name (which include every language the corridor requires), as far
 * as the catalogs have the words for them.
 */
export function pdfLanguages(terms: Pick<ContractTerms, 'languages'>): string[] {
  return [...new Set([...terms.languages.filter((l) => isPlatformLanguage(baseOf(l))), ...PLATFORM_LANGUAGES])];
}

function checkLanguage(lang: string, terms: ContractTerms): void {
  const allowed = pdfLanguages(terms);
  if (allowed.includes(lang)) return;
  const message = terms.languages.includes(lang)
    ? `the contract names ${lang}, but there is no translation of its labels in ${lang} yet`
    : 'must be one of the languages of the contract or of the platform';
  const code = terms.languages.includes(lang) ? 'contract.pdf_language_untranslated' : 'contract.pdf_language_unknown';
  throw invalid('The contract cannot be printed in this language', [{ pointer: '/lang', message, expected: allowed.join(' | '), code, params: { lang, languages: allowed.join(', ') } }]);
}

const safeFileName = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '_');

/** Names of the organisations that took the steps to `state` on `version`, or failing that the authorities of `kind` in `country`. */
async function authorities(
  db: Kysely<DB>,
  steps: { to_state: string; version: number; actor_organisation_id: string | null }[],
  state: 'approved' | 'registered',
  version: number,
  kind: 'origin_authority' | 'destination_authority',
  country: string,
): Promise<string[]> {
  const ids = [...new Set(steps.filter((s) => s.to_state === state && s.version === version && s.actor_organisation_id).map((s) => s.actor_organisation_id!))];
  const query = db.selectFrom('organisations').select('name').orderBy('name');
  const rows = ids.length
    ? await query.where('id', 'in', ids).execute()
    : await query.where('kind', '=', kind).where('country', '=', country).where('status', '=', 'active').execute();
  return rows.map((r) => r.name);
}

/**
 * The worker's copy of a registered contract as a PDF, in `lang`: for whoever may read the
 * contract (anyone else: not found). It names the worker in full, so a copy printed by
 * someone other than the worker is audited as a read of the worker's data.
 */
export async function contractPdf(db: Kysely<DB>, renderer: PdfRenderer, actor: Actor, request: ContractPdfRequest): Promise<ContractPdf> {
  let id = request.id;
  if (id === undefined) {
    const row = await db.selectFrom('contracts').select('id').where('contract_no', '=', request.contractNo ?? '').executeTakeFirst();
    if (!row) throw notFound(`Contract ${request.contractNo}`);
    id = row.id;
  }
  const open = await openContract(db, actor, id);
  const { contract, registered, history } = open;
  if (!registered)
    throw conflict(`Contract ${contract.contract_no} has no registered terms yet (it is ${contract.status}): only registered terms are printed`, {
      contract_status: contract.status,
    });
  const terms = registered.terms as ContractTerms;
  checkLanguage(request.lang, terms);

  const doc: ContractDocument = {
    lang: request.lang,
    contractNo: contract.contract_no,
    corridor: contract.corridor_code,
    status: contract.status,
    employerName: history.employerName,
    workerName: history.workerName,
    approvedBy: await authorities(db, history.transitions, 'approved', registered.version, 'origin_authority', contract.origin_country),
    registeredBy: await authorities(db, history.transitions, 'registered', registered.version, 'destination_authority', contract.destination_country),
    version: registered.version,
    digest: registered.terms_digest,
    registeredAt: registered.registered_at,
    terms,
    monthlyFixedMinor: registered.monthly_fixed_minor,
    qrSvg: await verificationQrSvg(db, request.baseUrl, contract.contract_no),
    verifyUrl: `${request.baseUrl.replace(/\/$/, '')}/verify/${encodeURIComponent(contract.contract_no)}`,
    printedAt: new Date(),
  };
  const pdf = await renderer.render(contractDocumentHtml(doc), { footer: footerTemplate(doc) });

  if (open.party !== 'worker')
    await recordEvent(db, actor, {
      action: 'contract.pdf.read',
      subjectType: 'contract',
      subjectId: contract.id,
      organisationIds: [contract.employer_id],
      countries: [contract.origin_country, contract.destination_country],
      details: { contract_no: contract.contract_no, version: registered.version, language: request.lang, worker_id: contract.worker_id, as: open.party },
    });
  return { contractNo: contract.contract_no, lang: request.lang, filename: `contract-${safeFileName(contract.contract_no)}-${safeFileName(request.lang)}.pdf`, pdf };
}
