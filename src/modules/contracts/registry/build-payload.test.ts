import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { rootFromInclusion } from '../verifier/inclusion.js';
import { verifyPayload } from '../verifier/verify-payload.js';
import { buildPayload } from './build-payload.js';
import { registryLeaf, registryLeafHash, termsMessage, verifyTermsSignature } from './leaf.js';
import { inclusionProof } from './merkle.js';
import { inclusionRanges } from './merkle-ranges.js';
import { generateSigningKey, verify } from './signing.js';
import { TestLog, sampleTerms } from './test-log.js';
import { signTreeHead } from './tree-head.js';

const newKey = () => {
  const { publicKey, privateKey } = generateSigningKey();
  return { publicKey, privateKey };
};
const logKey = newKey();
const parties = { worker: newKey(), origin: newKey(), destination: newKey() };

async function smallLog(size: number) {
  const log = new TestLog(logKey, parties);
  for (let i = 0; i < size; i++) log.register(i + 1, sampleTerms(i), '2025-02-10T09:00:00Z');
  return { log, head: await log.head('2025-02-10T09:05:00Z') };
}

/** A payload for entry `index` of a log of `size` entries, without building the log. */
async function payloadInVirtualLog(index: number, size: number, embedSignatures: boolean) {
  const { log } = await smallLog(1);
  const entry = { ...log.entries[0]!, contractNo: 'AE-PH-2025-000123', leafIndex: index };
  const proof = inclusionRanges(index, size).map(() => new Uint8Array(randomBytes(32)));
  const root = await rootFromInclusion(new Uint8Array(registryLeafHash(registryLeaf(entry))), index, size, proof);
  const head = signTreeHead({ treeSize: size, rootHash: root!, timestamp: new Date() }, logKey.privateKey);
  return buildPayload(entry, proof, head, { embedSignatures });
}

describe('buildPayload', () => {
  it('produces payloads the offline verifier accepts, both ways of carrying signatures', async () => {
    const { log, head } = await smallLog(11);
    for (const index of [0, 5, 10]) {
      for (const embed of [false, true]) {
        const result = await verifyPayload(await log.payload(index, head, embed), [logKey.publicKey]);
        assert.ok(result.ok, JSON.stringify(result.checks));
      }
    }
  });

  it('has every party sign the tagged terms digest', async () => {
    const { log } = await smallLog(1);
    const entry = log.entries[0]!;
    assert.equal(termsMessage(entry.termsDigest), `{"purpose":"corridor.contract.terms.v1","terms_digest":"${entry.termsDigest}"}`);
    for (const s of entry.signatures) {
      assert.ok(verifyTermsSignature(s, entry.termsDigest));
      assert.equal(verify(s.key, entry.termsDigest, s.sig), false, 'the bare digest is not what is signed');
    }
  });

  it('binds the displayed key terms: editing the wage fails verification', async () => {
    const { log, head } = await smallLog(3);
    const payload = await log.payload(1, head);
    payload.terms.wage_minor += 1;
    const result = await verifyPayload(payload, [logKey.publicKey]);
    assert.equal(result.ok, false);
    assert.deepEqual(result.checks.filter((c) => !c.ok).map((c) => c.name), ['log_signature']);
  });

  it('refuses to build a payload that would not verify', async () => {
    const { log, head } = await smallLog(4);
    const good = await log.payload(1, head);
    assert.ok(good);
    const proof = await inclusionProof(1, 4, log.store);
    assert.throws(() => buildPayload({ ...log.entries[2]!, leafIndex: 1 }, proof, head), /does not verify/);
    assert.throws(() => buildPayload({ ...log.entries[1]!, leafIndex: 1 }, proof.slice(1), head), /does not verify/);
  });

  it('fits a QR code for a log of a million entries', async () => {
    const sizes: Record<string, number> = {};
    for (const embed of [false, true]) {
      // 786,431 is an index whose path has the most hashes (20) a tree of a million can need.
      const payload = await payloadInVirtualLog(786_431, 1_000_000, embed);
      assert.equal(Buffer.from(payload.proof, 'base64url').length, 20 * 32);
      assert.ok((await verifyPayload(payload, [logKey.publicKey])).ok);
      sizes[embed ? 'embedded' : 'digest'] = Buffer.byteLength(JSON.stringify(payload));
    }
    console.log(`payload bytes for 1,000,000 entries: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.digest! < 1500, `digest form is ${sizes.digest} bytes`);
    assert.ok(sizes.embedded! < 2100, `embedded form is ${sizes.embedded} bytes`);
  });
});
