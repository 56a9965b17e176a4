import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  MemoryNodeStore,
  appendLeaves,
  consistencyProof,
  emptyRoot,
  frontierIds,
  frontierRoot,
  frontierSize,
  inclusionProof,
  leafHash,
  loadFrontier,
  rootAt,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from './merkle.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const unhex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

// The eight leaves and roots used by the RFC 6962 reference test suites
// (certificate-transparency and transparency-dev/merkle).
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const INCLUSION = [
  { index: 0, size: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, proof: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { index: 2, size: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  { index: 1, size: 5, proof: ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
  { index: 0, size: 1, proof: [] },
];
const CONSISTENCY = [
  { oldSize: 1, newSize: 1, proof: [] },
  { oldSize: 1, newSize: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { oldSize: 6, newSize: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
  { oldSize: 2, newSize: 5, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b'] },
  { oldSize: 6, newSize: 7, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];

function buildLog(leafHashes: readonly Uint8Array[]) {
  const store = new MemoryNodeStore();
  const { newNodes, frontier, root } = appendLeaves([], leafHashes);
  store.putNodes(newNodes);
  return { store, frontier, root };
}

const vectorLog = () => buildLog(LEAVES.map((l) => leafHash(unhex(l))));
const flip = (hash: Uint8Array, bit = 0) => {
  const copy = Uint8Array.from(hash);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
};

describe('Merkle tree hash (RFC 9162 2.1.1)', () => {
  it('hashes the empty tree to SHA-256 of nothing', () => {
    assert.equal(hex(rootOf([])), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(hex(emptyRoot()), hex(rootOf([])));
  });

  it('gives the published roots for every prefix of the eight test leaves', () => {
    const hashes = LEAVES.map((l) => leafHash(unhex(l)));
    ROOTS.forEach((root, i) => assert.equal(hex(rootOf(hashes.slice(0, i + 1))), root, `size ${i + 1}`));
  });

  it('gives the same roots when appending one leaf at a time', () => {
    let frontier = appendLeaves([], []).frontier;
    LEAVES.forEach((l, i) => {
      const result = appendLeaves(frontier, [leafHash(unhex(l))]);
      assert.equal(hex(result.root), ROOTS[i]);
      frontier = result.frontier;
    });
    assert.equal(frontierSize(frontier), 8);
  });
});

describe('inclusion proofs against the published vectors', () => {
  for (const v of INCLUSION) {
    it(`leaf ${v.index} of ${v.size}`, async () => {
      const { store } = vectorLog();
      const proof = await inclusionProof(v.index, v.size, store);
      assert.deepEqual(proof.map(hex), v.proof);
      const leaf = leafHash(unhex(LEAVES[v.index]!));
      assert.ok(verifyInclusion(leaf, v.index, v.size, proof, unhex(ROOTS[v.size - 1]!)));
    });
  }

  it('rejects the corruptions of the reference suite', () => {
    for (const v of INCLUSION.filter((x) => x.proof.length > 0)) {
      const proof = v.proof.map(unhex);
      const root = unhex(ROOTS[v.size - 1]!);
      const leaf = leafHash(unhex(LEAVES[v.index]!));
      const bad: [string, boolean][] = [
        ['index - 1', verifyInclusion(leaf, v.index - 1, v.size, proof, root)],
        ['index + 1', verifyInclusion(leaf, v.index + 1, v.size, proof, root)],
        ['index ^ 2', verifyInclusion(leaf, v.index ^ 2, v.size, proof, root)],
        ['size * 2', verifyInclusion(leaf, v.index, v.size * 2, proof, root)],
        ['size / 2', verifyInclusion(leaf, v.index, Math.floor(v.size / 2), proof, root)],
        ['wrong leaf', verifyInclusion(leafHash('WrongLeaf'), v.index, v.size, proof, root)],
        ['empty root', verifyInclusion(leaf, v.index, v.size, proof, emptyRoot())],
        ['trailing root', verifyInclusion(leaf, v.index, v.size, [...proof, root], root)],
        ['preceding root', verifyInclusion(leaf, v.index, v.size, [root, ...proof], root)],
        ['removed component', verifyInclusion(leaf, v.index, v.size, proof.slice(0, -1), root)],
        ['short hash', verifyInclusion(leaf, v.index, v.size, [...proof.slice(0, -1), new Uint8Array(31)], root)],
        ...proof.map((_, i): [string, boolean] => [
          `flipped proof[${i}]`,
          verifyInclusion(leaf, v.index, v.size, proof.map((h, j) => (i === j ? flip(h, 3) : h)), root),
        ]),
      ];
      for (const [what, ok] of bad) assert.equal(ok, false, `${v.index}/${v.size}: ${what}`);
    }
  });

  it('never throws on garbage', () => {
    const h = leafHash('x');
    for (const args of [
      [h, -1, 1, [], h],
      [h, 0, 0, [], h],
      [h, 0.5, 2, [h], h],
      [h, 0, Number.NaN, [], h],
      [h, 0, 1, [null], h],
      [null, 0, 1, [], h],
      [h, 0, 1, 'proof', h],
    ] as const) {
      assert.equal(verifyInclusion(...(args as unknown as Parameters<typeof verifyInclusion>)), false);
    }
  });
});

describe('consistency proofs against the published vectors', () => {
  for (const v of CONSISTENCY) {
    it(`${v.oldSize} -> ${v.newSize}`, async () => {
      const { store } = vectorLog();
      const proof = await consistencyProof(v.oldSize, v.newSize, store);
      assert.deepEqual(proof.map(hex), v.proof);
      const [r1, r2] = [unhex(ROOTS[v.oldSize - 1]!), unhex(ROOTS[v.newSize - 1]!)];
      assert.ok(verifyConsistency(v.oldSize, v.newSize, r1, r2, proof));
    });
  }

  it('rejects the corruptions of the reference suite', () => {
    for (const v of CONSISTENCY.filter((x) => x.proof.length > 0)) {
      const proof = v.proof.map(unhex);
      const [r1, r2] = [unhex(ROOTS[v.oldSize - 1]!), unhex(ROOTS[v.newSize - 1]!)];
      const check = (m: number, n: number, a: Uint8Array, b: Uint8Array, p: Uint8Array[]) =>
        verifyConsistency(m, n, a, b, p);
      const bad: [string, boolean][] = [
        ['old - 1', check(v.oldSize - 1, v.newSize, r1, r2, proof)],
        ['old + 1', check(v.oldSize + 1, v.newSize, r1, r2, proof)],
        ['old ^ 2', check(v.oldSize ^ 2, v.newSize, r1, r2, proof)],
        ['new * 2', check(v.oldSize, v.newSize * 2, r1, r2, proof)],
        ['new / 2', check(v.oldSize, Math.floor(v.newSize / 2), r1, r2, proof)],
        ['wrong old root', check(v.oldSize, v.newSize, flip(r1), r2, proof)],
        ['wrong new root', check(v.oldSize, v.newSize, r1, flip(r2), proof)],
        ['swapped roots', check(v.oldSize, v.newSize, r2, r1, proof)],
        ['empty proof', check(v.oldSize, v.newSize, r1, r2, [])],
        ['trailing root', check(v.oldSize, v.newSize, r1, r2, [...proof, r2])],
        ['preceding root', check(v.oldSize, v.newSize, r1, r2, [r1, ...proof])],
        ['preceding proof[0]', check(v.oldSize, v.newSize, r1, r2, [proof[0]!, ...proof])],
        ['truncated', check(v.oldSize, v.newSize, r1, r2, proof.slice(0, -1))],
        ...proof.map((_, i): [string, boolean] => [
          `flipped proof[${i}]`,
          check(v.oldSize, v.newSize, r1, r2, proof.map((h, j) => (i === j ? flip(h, 4) : h))),
        ]),
      ];
      for (const [what, ok] of bad) assert.equal(ok, false, `${v.oldSize}->${v.newSize}: ${what}`);
    }
  });

  it('handles the trivial sizes', () => {
    const r = unhex(ROOTS[0]!);
    assert.ok(verifyConsistency(0, 5, emptyRoot(), r, []));
    assert.equal(verifyConsistency(0, 5, r, r, []), false, 'the empty tree has one root');
    assert.equal(verifyConsistency(0, 5, emptyRoot(), r, [r]), false);
    assert.ok(verifyConsistency(3, 3, r, r, []));
    assert.equal(verifyConsistency(3, 3, r, flip(r), []), false);
    assert.equal(verifyConsistency(3, 3, r, r, [r]), false);
    assert.equal(verifyConsistency(4, 3, r, r, []), false, 'time travel');
  });
});

describe('proofs read only perfect subtrees, in one batch', () => {
  it('asks the store once per proof and only for stored (perfect) nodes', async () => {
    const { store } = buildLog(Array.from({ length: 1000 }, (_, i) => leafHash(`leaf ${i}`)));
    store.reads = 0;
    await inclusionProof(999, 1000, store);
    await consistencyProof(377, 1000, store);
    await rootAt(1000, store);
    assert.equal(store.reads, 3);
  });

  it('refuses out-of-range requests', async () => {
    const { store } = vectorLog();
    await assert.rejects(inclusionProof(8, 8, store), /outside/);
    await assert.rejects(inclusionProof(-1, 8, store), /outside/);
    await assert.rejects(consistencyProof(9, 8, store), /larger/);
    await assert.rejects(consistencyProof(1.5, 8, store), /non-negative integer/);
  });

  it('refuses to overwrite a stored node', () => {
    const store = new MemoryNodeStore();
    const { newNodes } = appendLeaves([], [leafHash('a'), leafHash('b')]);
    store.putNodes(newNodes);
    assert.equal(store.size, 3, 'two leaves and their parent');
    assert.throws(() => store.putNodes([newNodes[0]!]), /already exists/);
  });

  it('refuses a frontier that is not a right edge', () => {
    const { frontier } = appendLeaves([], [leafHash('a'), leafHash('b'), leafHash('c')]);
    assert.throws(() => appendLeaves([...frontier].reverse(), [leafHash('d')]), /right edge/);
    assert.throws(() => appendLeaves([{ ...frontier[0]!, index: 1 }], [leafHash('d')]), /right edge/);
  });
});

describe('Merkle log properties (fast-check)', () => {
  const sizes = fc.integer({ min: 1, max: 300 });
  const hashesOf = (n: number, seed: number) => Array.from({ length: n }, (_, i) => leafHash(`${seed}:${i}`));

  it('the frontier root equals rootOf(all leaves) after any split of appends', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 12 }), fc.nat(), (batches, seed) => {
        const all = hashesOf(batches.reduce((a, b) => a + b, 0), seed);
        const store = new MemoryNodeStore();
        let frontier = appendLeaves([], []).frontier;
        let at = 0;
        for (const batch of batches) {
          const result = appendLeaves(frontier, all.slice(at, at + batch));
          store.putNodes(result.newNodes);
          at += batch;
          frontier = result.frontier;
          assert.equal(hex(result.root), hex(rootOf(all.slice(0, at))));
          assert.equal(frontier.length, popcount(at));
        }
        assert.equal(store.size, 2 * at - popcount(at), 'every perfect subtree stored exactly once');
      }),
    );
  });

  it('every inclusion proof verifies and any tampering fails', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), fc.nat(), fc.nat(), async (size, seed, pick, bit) => {
        const leaves = hashesOf(size, seed);
        const { store, root } = buildLog(leaves);
        const index = pick % size;
        assert.equal(hex(await rootAt(size, store)), hex(root));
        const proof = await inclusionProof(index, size, store);
        assert.ok(verifyInclusion(leaves[index]!, index, size, proof, root));
        assert.equal(verifyInclusion(flip(leaves[index]!, bit % 256), index, size, proof, root), false);
        assert.equal(verifyInclusion(leaves[index]!, index, size, proof, flip(root, bit % 256)), false);
        if (size > 1) {
          assert.equal(verifyInclusion(leaves[index]!, (index + 1) % size, size, proof, root), false);
          const at = bit % proof.length;
          const tampered = proof.map((h, i) => (i === at ? flip(h, bit % 256) : h));
          assert.equal(verifyInclusion(leaves[index]!, index, size, tampered, root), false);
        }
      }),
    );
  });

  it('every consistency proof verifies and any tampering fails', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, fc.nat(), fc.nat(), fc.nat(), async (newSize, seed, pick, bit) => {
        const leaves = hashesOf(newSize, seed);
        const { store, root } = buildLog(leaves);
        const oldSize = pick % (newSize + 1);
        const oldRoot = rootOf(leaves.slice(0, oldSize));
        assert.equal(hex(await rootAt(oldSize, store)), hex(oldRoot));
        const proof = await consistencyProof(oldSize, newSize, store);
        assert.ok(verifyConsistency(oldSize, newSize, oldRoot, root, proof));
        if (proof.length > 0) {
          const at = bit % proof.length;
          const tampered = proof.map((h, i) => (i === at ? flip(h, bit % 256) : h));
          assert.equal(verifyConsistency(oldSize, newSize, oldRoot, root, tampered), false);
        }
        if (oldSize > 0 && oldSize < newSize) {
          assert.equal(verifyConsistency(oldSize, newSize, flip(oldRoot, bit % 256), root, proof), false);
          assert.equal(verifyConsistency(oldSize, newSize, oldRoot, flip(root, bit % 256), proof), false);
          // A log that rewrote one old leaf cannot prove it extends the old head.
          const rewritten = leaves.map((h, i) => (i === pick % oldSize ? flip(h) : h));
          const forged = buildLog(rewritten);
          const forgedProof = await consistencyProof(oldSize, newSize, forged.store);
          assert.equal(verifyConsistency(oldSize, newSize, oldRoot, forged.root, forgedProof), false);
        }
      }),
    );
  });

  it('loads the frontier back from the store', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, async (size) => {
        const { store, frontier } = buildLog(hashesOf(size, 1));
        const loaded = await loadFrontier(size, store);
        assert.deepEqual(loaded, frontier);
        assert.deepEqual(frontierIds(size).map((id) => id.level), frontier.map((n) => n.level));
        assert.equal(hex(frontierRoot(loaded)), hex(rootOf(hashesOf(size, 1))));
      }),
      { numRuns: 50 },
    );
  });
});

function popcount(n: number): number {
  let count = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) count += x % 2;
  return count;
}
