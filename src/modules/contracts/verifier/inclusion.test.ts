import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MemoryNodeStore, appendLeaves, inclusionProof, leafHash } from '../registry/merkle.js';
import { leafHashOf, rootFromInclusion } from './inclusion.js';
import { toHex, utf8 } from './web-crypto.js';

const bytes = (b: Uint8Array) => new Uint8Array(b);

describe('the verifier\u2019s inclusion check agrees with the registry\u2019s Merkle log', () => {
  it('hashes leaves the RFC 9162 way', async () => {
    assert.equal(toHex(await leafHashOf(utf8('entry'))), toHex(leafHash('entry')));
  });

  it('recomputes the root for every leaf of random trees, and not for a wrong index', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 200 }), fc.nat(), async (size, pick) => {
        const leaves = Array.from({ length: size }, (_, i) => leafHash(`leaf ${i}`));
        const store = new MemoryNodeStore();
        const { newNodes, root } = appendLeaves([], leaves);
        store.putNodes(newNodes);
        const index = pick % size;
        const proof = (await inclusionProof(index, size, store)).map(bytes);
        const got = await rootFromInclusion(bytes(leaves[index]!), index, size, proof);
        assert.equal(got && toHex(got), toHex(root));
        if (size > 1) {
          const other = await rootFromInclusion(bytes(leaves[index]!), (index + 1) % size, size, proof);
          assert.notEqual(other && toHex(other), toHex(root));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('gives no root when the path does not fit the sizes', async () => {
    const h = bytes(leafHash('x'));
    assert.equal(await rootFromInclusion(h, 1, 1, []), undefined);
    assert.equal(await rootFromInclusion(h, 0, 2, []), undefined, 'too short');
    assert.equal(await rootFromInclusion(h, 0, 1, [h]), undefined, 'too long');
    assert.equal(await rootFromInclusion(h, -1, 2, [h]), undefined);
  });
});
