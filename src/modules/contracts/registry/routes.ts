import { notFound } from '../../../core/errors.js';
import type { App, AppContext } from '../../../http/types.js';
import { verifyContractPublicly } from '../verification/public-verification.js';
import { hearContractChanges, verificationCache } from '../verification/verification-cache.js';
import { PublicVerification, VerifyParams } from '../verification/public-verification.schema.js';
import { consistencyProofFor, inclusionProofFor } from './proofs.js';
import { publishedKeys } from './published-keys.js';
import {
  ConsistencyProofView,
  ConsistencyQuery,
  InclusionProofView,
  InclusionQuery,
  RegistryDocument,
  TreeHeadView,
  TreeSizeParams,
} from './registry.schema.js';
import { findLatestTreeHead, findTreeHead } from './tree-head-queries.js';

/** The registry's public face: anyone may check the log and a contract, signed in or not. */
export async function registryRoutes(app: App, ctx: AppContext): Promise<void> {
  const db = () => ctx.database.db;
  const tags = ['registry'];
  const open = { public: true } as const;
  // Tree heads at most a second old, proofs and answers kept: see verification-cache.ts.
  const verification = verificationCache();
  const stopHearing = await hearContractChanges(ctx.database, verification);
  app.addHook('onClose', stopHearing);

  app.get(
    '/.well-known/corridor-registry.json',
    { config: open, schema: { tags, summary: 'The latest signed tree head and every public key of the registry', response: { 200: RegistryDocument } } },
    async () => {
      const [treeHead, keys] = await Promise.all([findLatestTreeHead(db()), publishedKeys(db())]);
      const logKey = keys.find((k) => k.purpose === 'log' && k.retired_at === null) ?? null;
      return { version: 1 as const, tree_head: treeHead ?? null, log_key: logKey, keys };
    },
  );

  app.get(
    '/api/v1/registry/tree-heads/latest',
    { config: open, schema: { tags, summary: 'The latest signed tree head (404 while the log is empty)', response: { 200: TreeHeadView } } },
    async () => (await findLatestTreeHead(db())) ?? Promise.reject(notFound('A tree head')),
  );

  app.get(
    '/api/v1/registry/tree-heads/:size',
    { config: open, schema: { tags, summary: 'The signed tree head of a size', params: TreeSizeParams, response: { 200: TreeHeadView } } },
    async (request) => (await findTreeHead(db(), request.params.size)) ?? Promise.reject(notFound(`The tree head of size ${request.params.size}`)),
  );

  app.get(
    '/api/v1/registry/proofs/inclusion',
    { config: open, schema: { tags, summary: 'Proof that a contract version is in the log', querystring: InclusionQuery, response: { 200: InclusionProofView } } },
    async (request) => inclusionProofFor(db(), request.query),
  );

  app.get(
    '/api/v1/registry/proofs/consistency',
    {
      config: open,
      schema: { tags, summary: 'Proof that the tree of `first` entries is a prefix of the tree of `second`', querystring: ConsistencyQuery, response: { 200: ConsistencyProofView } },
    },
    async (request) => consistencyProofFor(db(), request.query.first, request.query.second),
  );

  app.get(
    '/api/v1/verify/:contract_no',
    {
      config: open,
      schema: {
        tags: ['verification'],
        summary: "A contract's status and key terms (initials only), with its offline payload; 404 for an unknown number",
        params: VerifyParams,
        response: { 200: PublicVerification },
      },
    },
    async (request) => verifyContractPublicly(db(), request.params.contract_no, verification),
  );
}

