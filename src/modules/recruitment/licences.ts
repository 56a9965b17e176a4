import { type Kysely, sql } from 'kysely';
import { type Actor, isPlatform, requireScope } from '../../core/auth/actor.js';
import { AppError, conflict, invalid, notFound } from '../../core/errors.js';
import { parseOrThrow } from '../../core/validation.js';
import type { DB } from '../../schema.js';
import { recordEvent } from '../audit/record-event.js';
import { today } from '../corridors/read-corridors.js';
import { type Licence, LicenceRequest, LicenceStatusRequest } from './recruitment.schema.js';

/**
 * Agency licences (PRODUCT.md 5.4): issued by the authority of the agency's country; status
 * active, suspended or revoked as the authority sets it, with every change and its reason kept;
 * expiry is automatic: a licence past its valid_to reads as expired without anyone acting.
 */
export const effectiveStatus = (on: string) =>
  sql<string>`CASE WHEN l.status = 'active' AND l.valid_to < ${on}::date THEN 'expired'
    WHEN l.status = 'active' AND l.valid_from > ${on}::date THEN 'not_yet_valid' ELSE l.status END`;

/** An authority licenses agencies of its own country; the platform any. */
const mayLicense = (actor: Actor, agencyCountry: string) =>
  isPlatform(actor) || ((actor.organisationKind === 'origin_authority' || actor.organisationKind === 'destination_authority') && actor.country === agencyCountry);

export async function issueLicence(db: Kysely<DB>, actor: Actor, input: unknown): Promise<Licence> {
  requireScope(actor, 'recruitment:license');
  const req = parseOrThrow(LicenceRequest, input, 'licence');
  const agency = await db.selectFrom('organisations').select(['id', 'kind', 'country']).where('id', '=', req.agency_id).executeTakeFirst();
  if (!agency || !mayLicense(actor, agency.country)) throw notFound(`Agency ${req.agency_id}`);
  if (agency.kind !== 'recruitment_agency') throw invalid('Only a recruitment agency is licensed', [{ pointer: '/agency_id', message: 'not a recruitment agency', code: 'organisation.not_recruitment_agency' }]);
  const id = await db.transaction().execute(async (trx) => {
    const issuer = isPlatform(actor) ? null : (actor.organisationId ?? null);
    const clash = await trx.selectFrom('agency_licences').select('id').where('number', '=', req.number)
      .where((eb) => (issuer ? eb('issued_by_organisation_id', '=', issuer) : eb('issued_by_organisation_id', 'is', null))).executeTakeFirst();
    if (clash) throw invalid('This licence number is already recorded', [{ pointer: '/number', message: 'already issued', code: 'recruitment.licence_number_taken' }]);
    const row = await trx.insertInto('agency_licences').values({
      agency_id: agency.id, number: req.number, issued_by_organisation_id: issuer,
      valid_from: req.valid_from, valid_to: req.valid_to, status: 'active', status_reason: 'issued',
    }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('agency_licence_events').values({ licence_id: row.id, from_status: null, to_status: 'active', reason: 'issued', actor_organisation_id: actor.organisationId ?? null }).execute();
    await recordEvent(trx, actor, {
      action: 'recruitment.licence.issued', subjectType: 'agency_licence', subjectId: row.id,
      organisationIds: [agency.id], countries: [agency.country], details: { number: req.number, valid_from: req.valid_from, valid_to: req.valid_to },
    });
    return row.id;
  });
  return getLicence(db, actor, id);
}

export async function changeLicenceStatus(db: Kysely<DB>, actor: Actor, id: string, input: unknown): Promise<Licence> {
  requireScope(actor, 'recruitment:license');
  const req = parseOrThrow(LicenceStatusRequest, input, 'status change');
  await db.transaction().execute(async (trx) => {
    const licence = await trx.selectFrom('agency_licences as l').innerJoin('organisations as o', 'o.id', 'l.agency_id')
      .select(['l.id', 'l.status', 'l.agency_id', 'o.country']).where('l.id', '=', id).forUpdate().executeTakeFirst();
    if (!licence || !mayLicense(actor, licence.country)) throw notFound(`Licence ${id}`);
    if (licence.status === 'revoked') throw conflict('A revoked licence stays revoked; issue a new one', { reason: 'licence_revoked' });
    if (licence.status === req.status) return;
    await trx.updateTable('agency_licences').set({ status: req.status, status_reason: req.reason, updated_at: new Date() }).where('id', '=', id).execute();
    await trx.insertInto('agency_licence_events').values({ licence_id: id, from_status: licence.status, to_status: req.status, reason: req.reason, actor_organisation_id: actor.organisationId ?? null }).execute();
    await recordEvent(trx, actor, {
      action: 'recruitment.licence.status', subjectType: 'agency_licence', subjectId: id,
      organisationIds: [licence.agency_id], countries: [licence.country], details: { from: licence.status, to: req.status, reason: req.reason },
    });
  });
  return getLicence(db, actor, id);
}

function licencesQuery(db: Kysely<DB>, actor: Actor, on: string) {
  let q = db.selectFrom('agency_licences as l').innerJoin('organisations as o', 'o.id', 'l.agency_id')
    .select(['l.id', 'l.agency_id', 'o.name as agency_name', 'l.number', 'l.issued_by_organisation_id', 'l.valid_from', 'l.valid_to', 'l.status_reason'])
    .select(effectiveStatus(on).as('status'));
  if (!isPlatform(actor)) {
    if (actor.organisationKind === 'origin_authority' || actor.organisationKind === 'destination_authority') q = q.where('o.country', '=', actor.country ?? '');
    else q = q.where('l.agency_id', '=', actor.organisationId ?? '00000000-0000-0000-0000-000000000000');
  }
  return q;
}

async function withHistory(db: Kysely<DB>, rows: Omit<Licence, 'history'>[]): Promise<Licence[]> {
  if (!rows.length) return [];
  const events = await db.selectFrom('agency_licence_events').selectAll().where('licence_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
  return rows.map((r) => ({
    ...r,
    history: events.filter((e) => e.licence_id === r.id).map((e) => ({ from_status: e.from_status, to_status: e.to_status, reason: e.reason, occurred_at: e.occurred_at.toISOString() })),
  }));
}

export async function getLicence(db: Kysely<DB>, actor: Actor, id: string): Promise<Licence> {
  const row = await licencesQuery(db, actor, today()).where('l.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`Licence ${id}`);
  return (await withHistory(db, [row as Omit<Licence, 'history'>]))[0]!;
}

/** Licences you may see: an authority its country's agencies, an agency its own, the platform all. */
export async function listLicences(db: Kysely<DB>, actor: Actor, agencyId?: string): Promise<Licence[]> {
  requireScope(actor, 'recruitment:read');
  let q = licencesQuery(db, actor, today()).orderBy('l.valid_to', 'desc').limit(500);
  if (agencyId) q = q.where('l.agency_id', '=', agencyId);
  return withHistory(db, (await q.execute()) as Omit<Licence, 'history'>[]);
}

/**
 * Only an agency with an active licence valid on the day may serve a job order; anything else is
 * refused with the reason (409, `reason`: agency_unlicensed, licence_suspended, licence_revoked, licence_expired).
 */
export async function requireActiveLicence(db: Kysely<DB>, agencyId: string, on: string, pointer = '/origin_agency_id'): Promise<void> {
  const rows = await db.selectFrom('agency_licences as l').select(effectiveStatus(on).as('status')).select(['l.number', 'l.status_reason'])
    .where('l.agency_id', '=', agencyId).orderBy('l.valid_to', 'desc').execute();
  if (rows.some((r) => r.status === 'active')) return;
  const latest = rows[0];
  const reason = !latest ? 'agency_unlicensed' : latest.status === 'not_yet_valid' ? 'agency_unlicensed' : `licence_${latest.status}`;
  const message = !latest
    ? 'The agency holds no licence and may not serve a job order'
    : `The agency's licence ${latest.number} is ${latest.status.replaceAll('_', ' ')}${latest.status_reason && latest.status !== 'expired' ? ` (${latest.status_reason})` : ''}: it may not serve a job order`;
  throw new AppError('conflict', message, [{ pointer, message }], { reason, agency_id: agencyId });
}
