import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../schema.js';
import { type Frontier, type MerkleNode, appendLeaves, frontierRoot } from '../merkle-frontier.js';
import { equalBytes } from '../merkle-hash.js';
import { type TreeHead, verifyTreeHead } from '../tree-head.js';
import type { ProblemList } from './problems.js';

/**
 * Rebuilds the tree from the leaf hashes, batch by batch, comparing every perfect node
 * with the stored one and every tree head's root with the root at its size. All heads are
 * thus roots of prefixes of one sequence of leaves: each extends every earlier one.
 */
export class TreeCheck {
  private frontier: Frontier = [];
  size = 0;
  nodes = 0;
  heads = 0;

  constructor(
    private readonly db: Kysely<DB>,
    /** Log public keys by key id. */
    private readonly logKeys: ReadonlyMap<string, string>,
    private readonly problems: ProblemList,
  ) {}

  /** Appends a batch of leaf hashes (in order) and checks the nodes and heads they complete. */
  async append(leafHashes: readonly Uint8Array[], contractNos: readonly string[]): Promise<void> {
    const start = this.size;
    const heads = await this.headsIn(start, start + leafHashes.length);
    const newNodes: MerkleNode[] = [];
    let done = 0;
    for (const head of [...heads, undefined]) {
      const upTo = head ? head.tree_size - start : leafHashes.length;
      const appended = appendLeaves(this.frontier, leafHashes.slice(done, upTo));
      newNodes.push(...appended.newNodes);
      this.frontier = appended.frontier;
      done = upTo;
      if (head) this.checkHead(head, appended.root);
    }
    this.size += leafHashes.length;
    await this.compareNodes(newNodes, (node) => (node.level === 0 ? (contractNos[node.index - start] ?? null) : null));
  }

  /** What only the end can tell: heads beyond the log, nodes nobody computed. */
  async finish(): Promise<void> {
    const beyond = await this.db.selectFrom('registry_tree_heads').select('tree_size').where('tree_size', '>', this.size).execute();
    for (const head of beyond) this.problems.add(null, `tree head ${head.tree_size} is larger than the log (${this.size} entries)`);
    const stored = await this.db.selectFrom('registry_nodes').select(sql<number>`count(*)::bigint`.as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) !== this.nodes) this.problems.add(null, `${Number(stored.n) - this.nodes} Merkle nodes are stored that the entries do not produce`);
  }

  get root(): Uint8Array {
    return frontierRoot(this.frontier);
  }

  private checkHead(head: TreeHead, root: Uint8Array): void {
    this.heads++;
    const key = this.logKeys.get(head.key_id);
    if (head.root_hash !== Buffer.from(root).toString('hex')) {
      this.problems.add(null, `tree head ${head.tree_size}: its root hash is not the root of the first ${head.tree_size} entries`);
    } else if (!key) {
      this.problems.add(null, `tree head ${head.tree_size}: signed by ${head.key_id}, which is not a log key of this registry`);
    } else if (!verifyTreeHead(head, key)) {
      this.problems.add(null, `tree head ${head.tree_size}: the log signature does not verify`);
    }
  }

  private async headsIn(from: number, to: number): Promise<TreeHead[]> {
    const rows = await this.db
      .selectFrom('registry_tree_heads')
      .select(['tree_size', 'timestamp', 'root_hash', 'key_id', 'signature'])
      .where('tree_size', '>', from)
      .where('tree_size', '<=', to)
      .orderBy('tree_size')
      .execute();
    return rows.map((row) => ({ ...row, tree_size: Number(row.tree_size) }));
  }

  private async compareNodes(expected: readonly MerkleNode[], contractOf: (node: MerkleNode) => string | null): Promise<void> {
    if (expected.length === 0) return;
    this.nodes += expected.length;
    const { rows } = await sql<{ level: number; index: string | number; hash: Buffer }>`
      SELECT n.level, n.index, n.hash FROM registry_nodes n
      JOIN unnest(${expected.map((n) => n.level)}::smallint[], ${expected.map((n) => n.index)}::bigint[]) AS w(level, index)
        ON n.level = w.level AND n.index = w.index`.execute(this.db);
    const stored = new Map(rows.map((row) => [`${row.level}/${row.index}`, row.hash]));
    for (const node of expected) {
      const hash = stored.get(`${node.level}/${node.index}`);
      const where = `Merkle node ${node.level}/${node.index}`;
      if (!hash) this.problems.add(contractOf(node), `${where} is missing`);
      else if (!equalBytes(new Uint8Array(hash), node.hash)) this.problems.add(contractOf(node), `${where} differs from the hash of the entries below it`);
    }
  }
}
