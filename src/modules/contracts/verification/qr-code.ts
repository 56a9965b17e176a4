import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import type { DB } from '../../../schema.js';
import { verifyContractPublicly } from './public-verification.js';

/**
 * What a contract's QR code holds: the public verification page's address, with the offline
 * payload in the fragment. A phone camera opens the page; the page (once loaded, even with
 * no network) checks the payload against the log key, and a fragment never reaches a server.
 */
export async function verificationLink(db: Kysely<DB>, baseUrl: string, contractNo: string): Promise<string> {
  const verification = await verifyContractPublicly(db, contractNo);
  const page = `${baseUrl.replace(/\/$/, '')}/verify/${encodeURIComponent(contractNo)}`;
  const payload = (verification as { offline_payload?: unknown }).offline_payload;
  return payload ? `${page}#${Buffer.from(JSON.stringify(payload)).toString('base64url')}` : page;
}

/** The QR code as SVG: error correction M, so a creased printout still reads. */
export async function verificationQrSvg(db: Kysely<DB>, baseUrl: string, contractNo: string): Promise<string> {
  return QRCode.toString(await verificationLink(db, baseUrl, contractNo), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}
