import { COST_ITEMS, type ContractTerms } from '../terms.schema.js';
import { formats } from './format.js';
import { directionOf, nativeName, translator, type Translate } from './messages.js';

/** Everything the worker's copy shows: the registered terms and how to check them. */
export interface ContractDocument {
  /** BCP 47 tag of the document's language. */
  lang: string;
  contractNo: string;
  corridor: string;
  status: string;
  employerName: string;
  workerName: string;
  /** Authorities of the country of origin that approved the terms. */
  approvedBy: string[];
  /** Authorities of the country of destination that registered them. */
  registeredBy: string[];
  version: number;
  /** Hex SHA-256 of the RFC 8785 form of the terms: what the registry holds. */
  digest: string;
  registeredAt: Date | null;
  terms: ContractTerms;
  monthlyFixedMinor: number;
  /** The QR code (SVG) of the verification page with the offline payload. */
  qrSvg: string;
  /** The verification page's address, printed under the code (without the payload). */
  verifyUrl: string;
  printedAt: Date;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text into HTML: every value that came from a person (names, addresses, titles) goes through here. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Fonts by script, all from Debian's fonts-noto-core (named, so Chromium does not pick
 * another family that lacks the shaping tables). The document's own script comes first;
 * the others follow for names written in another script.
 */
const FALLBACK = ["'Noto Sans'", "'Noto Sans Arabic'", "'Noto Sans Devanagari'", "'Noto Sans Bengali'", 'sans-serif'];
const FIRST: Record<string, string> = {
  ar: "'Noto Sans Arabic'",
  ur: "'Urdu Nastaliq'",
  hi: "'Noto Sans Devanagari'",
  ne: "'Noto Sans Devanagari'",
  mr: "'Noto Sans Devanagari'",
  bn: "'Noto Sans Bengali'",
};

export function fontStack(lang: string): string {
  const first = FIRST[lang.split('-')[0]!];
  return [...(first ? [first] : []), ...FALLBACK.filter((f) => f !== first)].join(', ');
}

// Noto Nastaliq Urdu for the Arabic script only: digits and Latin names come from Noto Sans, as in the other languages.
const ARABIC_RANGES = 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF';
const URDU_FACES = [400, 700]
  .map((weight) => `@font-face { font-family: 'Urdu Nastaliq'; font-weight: ${weight}; src: local('Noto Nastaliq Urdu${weight === 700 ? ' Bold' : ''}'), local('NotoNastaliqUrdu-${weight === 700 ? 'Bold' : 'Regular'}'); unicode-range: ${ARABIC_RANGES}; }`)
  .join('\n');

type Row = [label: string, value: string];

/** Every term, in the order of the web page's "All the terms" (web/src/pages/worker/terms-full.tsx). */
function termRows(terms: ContractTerms, t: Translate, lang: string): Row[] {
  const f = formats(lang);
  const c = terms.wage.currency;
  const yes = (v: boolean) => t(v ? 'common.yes' : 'common.no');
  return [
    [t('terms.job'), t('terms.jobValue', { title: terms.job_title, isco: terms.occupation_isco })],
    [t('terms.workplace'), t('terms.workplaceValue', { address: terms.workplace.address, city: terms.workplace.city })],
    [t('terms.start'), f.day(terms.start_date)],
    [t('terms.end'), f.day(terms.end_date)],
    [t('terms.probation'), t('terms.months', { count: terms.probation_months })],
    [t('terms.basic'), f.money(terms.wage.basic_monthly_minor, c)],
    ...terms.wage.allowances.map((a): Row => [t(`allowance.${a.kind}`), t(a.fixed ? 'terms.fixed' : 'terms.variable', { amount: f.money(a.amount_minor, c) })]),
    [t('terms.overtime'), t('terms.percent', { pct: f.number(terms.wage.overtime_rate_pct) })],
    [t('terms.hours'), f.number(terms.hours_per_week)],
    [t('terms.rest'), f.number(terms.rest_days_per_week)],
    [t('terms.leave'), t('terms.days', { count: terms.annual_leave_days })],
    [t('terms.accommodation'), t(`provision.${terms.accommodation}`)],
    [t('terms.food'), t(`provision.${terms.food}`)],
    [t('terms.transport'), t(`provision.${terms.transport}`)],
    ...COST_ITEMS.map((item): Row => [t(`cost.${item}`), t(`payer.${terms.costs[item]}`)]),
    [t('terms.fee'), f.money(terms.worker_recruitment_fee_minor, c)],
    [t('terms.healthInsurance'), yes(terms.insurance.health)],
    [t('terms.injuryInsurance'), yes(terms.insurance.work_injury)],
    [t('terms.endOfService'), t('terms.daysPerYear', { count: terms.end_of_service_days_per_year })],
    [t('terms.notice'), t('terms.days', { count: terms.notice_days })],
    [t('terms.passport'), yes(terms.passport_retained_by_worker)],
    [t('terms.languages'), f.list(terms.languages.map(nativeName))],
  ];
}

/** The plain-words summary, as the web page shows it first (web/src/pages/worker/terms-summary.tsx). */
function summaryLines(terms: ContractTerms, monthlyMinor: number, t: Translate, lang: string): { text: string; warn?: boolean }[] {
  const f = formats(lang);
  const c = terms.wage.currency;
  const allowances = terms.wage.allowances;
  const list = (items: readonly string[]) => f.list(items.map((i) => t(`cost.${i}`)));
  const employerPays = COST_ITEMS.filter((item) => terms.costs[item] === 'employer');
  const workerPays = COST_ITEMS.filter((item) => terms.costs[item] === 'worker');
  const fee = terms.worker_recruitment_fee_minor;
  const pay = t('summary.pay', { amount: f.money(monthlyMinor, c) });
  return [
    { text: allowances.length ? `${pay} ${t('summary.payParts', { basic: f.money(terms.wage.basic_monthly_minor, c), count: allowances.length })}` : pay },
    { text: t('summary.hours', { hours: f.number(terms.hours_per_week), rest: terms.rest_days_per_week }) },
    { text: t('summary.overtime', { pct: f.number(terms.wage.overtime_rate_pct) }) },
    { text: t('summary.leave', { days: terms.annual_leave_days }) },
    { text: t('summary.dates', { start: f.day(terms.start_date), end: f.day(terms.end_date) }) },
    ...(employerPays.length ? [{ text: t('summary.employerPays', { items: list(employerPays) }) }] : []),
    ...(workerPays.length ? [{ text: t('summary.workerPays', { items: list(workerPays) }), warn: true }] : []),
    fee > 0 ? { text: t('summary.fee', { amount: f.money(fee, c) }), warn: true } : { text: t('summary.noFee') },
    { text: t(`summary.housing.${terms.accommodation}`) },
    terms.passport_retained_by_worker ? { text: t('summary.passportKept') } : { text: t('summary.passportTaken'), warn: true },
  ];
}

const dl = (rows: Row[], className: string) =>
  `<dl class="${className}">${rows.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`).join('')}</dl>`;

/** Latin identifiers (numbers, digests, addresses) inside any text direction. */
const ltr = (text: string, className = 'mono') => `<bdi dir="ltr" class="${className}">${escapeHtml(text)}</bdi>`;

/** The digest in two lines of four groups of eight hex digits, as fingerprints are read aloud and compared. */
function digestLines(digest: string): string {
  const groups = digest.match(/.{1,8}/g) ?? [digest];
  const half = Math.ceil(groups.length / 2);
  return `<bdi dir="ltr" class="mono">${[groups.slice(0, half), groups.slice(half)].map((g) => `<span>${escapeHtml(g.join(' '))}</span>`).join('')}</bdi>`;
}

/**
 * The worker's copy as one self-contained HTML document (inline CSS, the QR code inline,
 * nothing fetched: a Content-Security-Policy forbids it), ready for Chromium to print.
 */
export function contractDocumentHtml(doc: ContractDocument): string {
  const { lang } = doc;
  const t = translator(lang);
  const f = formats(lang);
  const dir = directionOf(lang);
  const names = (list: string[]) => escapeHtml(list.length ? f.list(list) : '—');
  const ids: Row[] = [
    [t('pdf.number'), ltr(doc.contractNo)],
    [t('pdf.status'), escapeHtml(t(`status.${doc.status}`))],
    [t('pdf.corridor'), ltr(doc.corridor, 'plain')],
    ...(doc.registeredAt ? [[t('pdf.registeredOn'), escapeHtml(f.day(doc.registeredAt.toISOString()))] as Row] : []),
    [t('pdf.version'), escapeHtml(f.number(doc.version))],
  ];
  const parties: Row[] = [
    [t('pdf.employer'), escapeHtml(doc.employerName)],
    [t('pdf.worker'), escapeHtml(doc.workerName)],
    [t('pdf.approvedBy'), names(doc.approvedBy)],
    [t('pdf.registeredBy'), names(doc.registeredBy)],
  ];
  const terms = termRows(doc.terms, t, lang).map(([label, value]): Row => [label, escapeHtml(value)]);
  const summary = summaryLines(doc.terms, doc.monthlyFixedMinor, t, lang);
  const isUrdu = lang.split('-')[0] === 'ur';

  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`${t('pdf.title')} ${doc.contractNo}`)}</title>
<style>${isUrdu ? URDU_FACES : ''}
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
html { font-family: ${fontStack(lang)}; font-size: 10.5pt; line-height: ${isUrdu ? 2.1 : 1.5}; color: #111; }
body { margin: 0; }
h1 { font-size: 20pt; margin: 0; line-height: 1.3; }
h2 { font-size: 13pt; margin: 0 0 2mm; padding-bottom: 1mm; border-bottom: 0.4mm solid #1d4e89; color: #1d4e89; }
section { margin-top: 6mm; }
h2 { break-after: avoid; }
.copy { margin: 0; color: #444; }
.employer { margin: 1mm 0 0; font-size: 12pt; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; unicode-bidi: isolate; }
.plain { unicode-bidi: isolate; }
.registry { break-inside: avoid; display: flex; gap: 5mm; align-items: flex-start; border: 0.3mm solid #999; border-radius: 2mm; padding: 4mm; }
.qr { flex: 0 0 55mm; text-align: center; }
/* 55 mm: a module of the densest code (about 120 with the offline payload) stays near 0.45 mm, which a phone reads off paper. */
.qr svg { width: 55mm; height: 55mm; display: block; }
.qr p { margin: 1mm 0 0; font-size: 7.5pt; word-break: break-all; }
.registry-text { flex: 1 1 auto; min-width: 0; }
.digest { margin-top: 3mm; }
.digest .mono { display: block; font-size: 9.5pt; margin: 1mm 0; }
.digest .mono span { display: block; white-space: nowrap; }
.note { font-size: 9pt; color: #444; margin: 1mm 0 0; }
dl { margin: 0; }
dl > div { display: flex; gap: 4mm; padding: 1.2mm 0; border-bottom: 0.2mm solid #ddd; break-inside: avoid; }
dt { flex: 0 0 42%; font-weight: bold; }
dd { flex: 1 1 auto; margin: 0; min-width: 0; }
.ids dt { flex-basis: 38%; }
ul.summary { margin: 0; padding-inline-start: 6mm; }
ul.summary li { margin: 0.8mm 0; }
ul.summary li.warn { font-weight: bold; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #444; }
</style>
</head>
<body>
<header>
<p class="copy">${escapeHtml(t('pdf.copy'))} · ${escapeHtml(nativeName(lang))}</p>
<h1>${escapeHtml(t('pdf.title'))}</h1>
<p class="employer">${escapeHtml(doc.employerName)}</p>
</header>
<section class="registry" aria-label="${escapeHtml(t('registry.title'))}">
<div class="qr">${doc.qrSvg}<p>${ltr(doc.verifyUrl, 'plain')}</p></div>
<div class="registry-text">
${dl(ids, 'ids')}
<p class="note">${escapeHtml(t('registry.explain'))}</p>
<div class="digest"><strong>${escapeHtml(t('pdf.digest'))}</strong>${digestLines(doc.digest)}<p class="note">${escapeHtml(t('pdf.digestExplain'))}</p></div>
</div>
</section>
<section>
<h2>${escapeHtml(t('pdf.parties'))}</h2>
${dl(parties, 'parties')}
</section>
<section>
<h2>${escapeHtml(t('summary.title'))}</h2>
<ul class="summary">${summary.map((s) => `<li${s.warn ? ' class="warn"' : ''}>${escapeHtml(s.text)}</li>`).join('')}</ul>
</section>
<section class="all">
<h2>${escapeHtml(t('terms.title'))}</h2>
${dl(terms, 'terms')}
</section>
<footer><p>${escapeHtml(t('pdf.printed', { date: f.instant(doc.printedAt) }))}</p></footer>
</body>
</html>`;
}

/** The line at the foot of every page: which contract, which page (Chromium fills the page numbers). */
export function footerTemplate(doc: Pick<ContractDocument, 'contractNo' | 'digest'>): string {
  return `<div style="width:100%;font-size:7pt;color:#555;font-family:'DejaVu Sans Mono',monospace;padding:0 15mm;display:flex;justify-content:space-between" dir="ltr"><span>${escapeHtml(doc.contractNo)} · sha256 ${escapeHtml(doc.digest.slice(0, 16))}…</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>`;
}
