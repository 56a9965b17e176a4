import type { KeyTerms, OfflinePayloadV1, PartyRole, PartySignature } from '../verifier/payload-v1.js';
import { buildPayload } from './build-payload.js';
import { digestOf } from './canonical.js';
import { type LeafInput, registryLeaf, registryLeafHash, signTerms } from './leaf.js';
import { MemoryNodeStore, type Frontier, appendLeaves, inclusionProof, rootAt } from './merkle.js';
import { type TreeHead, signTreeHead } from './tree-head.js';

/** A key as tests and the published vectors hold it. */
export interface TestKey {
  publicKey: string;
  privateKey: string;
}

export type PartyKeys = Record<PartyRole, TestKey>;

/** A small in-memory registry: what the database-backed one does, for tests and test vectors. */
export class TestLog {
  readonly store = new MemoryNodeStore();
  readonly entries: LeafInput[] = [];
  private frontier: Frontier = [];

  constructor(
    private readonly logKey: TestKey,
    private readonly parties: PartyKeys,
  ) {}

  register(no: number, keyTerms: KeyTerms, registeredAt: string): number {
    const terms = { contract_no: `AE-PH-2025-${String(no).padStart(6, '0')}`, key_terms: keyTerms, hours_per_week: 48 };
    const termsDigest = digestOf(terms);
    const signatures: PartySignature[] = (['worker', 'origin', 'destination'] as const).map((role) =>
      signTerms(role, this.parties[role].privateKey, this.parties[role].publicKey, termsDigest),
    );
    const entry: LeafInput = { contractNo: terms.contract_no, version: 1, termsDigest, keyTerms, signatures, registeredAt };
    const appended = appendLeaves(this.frontier, [registryLeafHash(registryLeaf(entry))]);
    this.store.putNodes(appended.newNodes);
    this.frontier = appended.frontier;
    this.entries.push(entry);
    return this.entries.length - 1;
  }

  /** The head over the first `size` entries (default: all), signed at `timestamp`. */
  async head(timestamp: string, size = this.entries.length, key = this.logKey): Promise<TreeHead> {
    return signTreeHead({ treeSize: size, rootHash: await rootAt(size, this.store), timestamp }, key.privateKey);
  }

  async payload(index: number, head: TreeHead, embedSignatures = false): Promise<OfflinePayloadV1> {
    const proof = await inclusionProof(index, head.tree_size, this.store);
    return buildPayload({ ...this.entries[index]!, leafIndex: index }, proof, head, { embedSignatures });
  }
}

export const sampleTerms = (i: number): KeyTerms => ({
  isco: ['5322', '9111', '7112', '8322'][i % 4]!,
  employer: ['Al Noor Home Care LLC', 'Gulf Build Contracting', 'Desert Logistics FZE'][i % 3]!,
  wage_minor: 150000 + 2500 * i,
  currency: 'AED',
  start: '2025-03-01',
  end: '2027-02-28',
  worker: ['M.R.S.', 'A.B.', 'J.D.C.', 'N.K.'][i % 4]!,
});
