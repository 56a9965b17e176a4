import { readFileSync, writeFileSync } from 'node:fs';
import type { OfflinePayloadV1 } from '../verifier/payload-v1.js';
import { generateSigningKey } from './signing.js';
import { type PartyKeys, type TestKey, TestLog, sampleTerms } from './test-log.js';

/**
 * docs/registry-test-vectors.json: payloads and the exact checks a verifier must
 * fail on each, so a phone app in another language can test against the same file.
 * Ed25519 is deterministic, so the same keys always give the same file.
 */
export interface TestVectors {
  description: string;
  keys: { log: TestKey; other_log: TestKey; parties: PartyKeys };
  trusted_log_public_keys: string[];
  vectors: { name: string; payload: unknown; expected: { ok: boolean; failed: string[] } }[];
}

export const VECTORS_PATH = new URL('../../../../docs/registry-test-vectors.json', import.meta.url);

export async function buildTestVectors(keys: TestVectors['keys']): Promise<TestVectors> {
  const log = new TestLog(keys.log, keys.parties);
  for (let i = 0; i < 7; i++) log.register(i + 1, sampleTerms(i), `2025-02-${String(10 + i).padStart(2, '0')}T09:00:00Z`);
  const head1 = await log.head('2025-02-10T09:05:00Z', 1);
  const head7 = await log.head('2025-02-16T09:05:00Z');
  const digest = await log.payload(2, head7);
  const embedded = await log.payload(5, head7, true);

  const vectors: TestVectors['vectors'] = [];
  const add = (name: string, payload: unknown, failed: string[] = []) =>
    vectors.push({ name, payload, expected: { ok: failed.length === 0, failed } });
  const edit = (p: OfflinePayloadV1, change: (copy: OfflinePayloadV1) => void) => {
    const copy = structuredClone(p);
    change(copy);
    return copy;
  };
  const flipChar = (text: string, at: number) =>
    text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  add('valid: the only entry of a tree of 1 (empty proof)', await log.payload(0, head1));
  add('valid: entry 2 of 7, signatures as a digest', digest);
  add('valid: entry 5 of 7, signatures embedded', embedded);
  add('valid: entry 6 of 7, the right edge', await log.payload(6, head7));
  add('valid: entry 0 of 7 proved against the later head', await log.payload(0, head7));

  const LOG = ['log_signature'];
  add('wage changed', edit(digest, (p) => void (p.terms.wage_minor += 100000)), LOG);
  add('employer changed', edit(embedded, (p) => void (p.terms.employer = 'Other Employer LLC')), LOG);
  add('worker initials changed', edit(digest, (p) => void (p.terms.worker = 'X.Y.')), LOG);
  add('terms digest changed', edit(digest, (p) => void (p.terms_digest = '0'.repeat(64))), LOG);
  add('signatures digest changed', edit(digest, (p) => void (p.sigs_digest = 'f'.repeat(64))), LOG);
  add('proof hash flipped', edit(digest, (p) => void (p.proof = flipChar(p.proof, 10))), LOG);
  add('proof truncated', edit(digest, (p) => void (p.proof = p.proof.slice(0, 43 * 2 - 1))), ['proof', ...LOG]);
  add('tree head signature wrong', edit(digest, (p) => void (p.sth.sig = flipChar(p.sth.sig, 5))), LOG);
  add('tree head timestamp changed', edit(digest, (p) => void (p.sth.time = '2025-02-17T09:05:00Z')), LOG);
  add('tree size changed', edit(digest, (p) => void (p.sth.size = 8)), LOG);
  add('leaf index wrong', edit(digest, (p) => void (p.index = 3)), LOG);
  add('leaf index outside the tree', edit(digest, (p) => void (p.index = 7)), ['proof', ...LOG]);
  add('unknown log key', await log.payload(2, await log.head('2025-02-16T09:05:00Z', 7, keys.other_log)), [
    'log_key',
    ...LOG,
  ]);
  add('worker signature replaced', edit(embedded, (p) => void (p.sigs![0]!.sig = embedded.sigs![1]!.sig)), [
    'signature:worker',
    ...LOG,
  ]);
  add('authority signature dropped', edit(embedded, (p) => void p.sigs!.splice(1, 1)), LOG);
  add('worker signature dropped', edit(embedded, (p) => void p.sigs!.splice(0, 1)), ['signers', ...LOG]);
  add('unknown member', edit(digest, (p) => void Object.assign(p, { wage: 999 })), ['format']);
  add('extra member in the key terms', edit(digest, (p) => void Object.assign(p.terms, { bonus: 1 })), ['format']);
  add('both sigs and sigs_digest', { ...embedded, sigs_digest: digest.sigs_digest }, ['format']);
  add('version 2', { ...digest, v: 2 }, ['format']);
  add('not an object', [digest], ['format']);

  return {
    description:
      'Offline payload test vectors of the Corridor contract registry (docs/registry.md). Verify each payload with ' +
      'trusted_log_public_keys; a verifier must report ok and exactly the failed check names given. TEST KEYS ONLY.',
    keys,
    trusted_log_public_keys: [keys.log.publicKey],
    vectors,
  };
}

const newKey = (): TestKey => {
  const { publicKey, privateKey } = generateSigningKey();
  return { publicKey, privateKey };
};

// Regenerate with: node --import tsx src/modules/contracts/registry/test-vectors.ts (keeps the keys in the file).
if (import.meta.url === `file://${process.argv[1]}`) {
  let keys: TestVectors['keys'];
  try {
    keys = (JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as TestVectors).keys;
  } catch {
    keys = { log: newKey(), other_log: newKey(), parties: { worker: newKey(), origin: newKey(), destination: newKey() } };
  }
  writeFileSync(VECTORS_PATH, `${JSON.stringify(await buildTestVectors(keys), null, 2)}\n`);
}
