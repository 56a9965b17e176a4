import { z } from 'zod';

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const Size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const TreeHeadView = z
  .object({
    tree_size: z.int(),
    timestamp: z.string().describe('ISO 8601 UTC, as signed'),
    root_hash: Hex,
    key_id: z.string().describe('The log key that signed'),
    signature: z.string().describe('Ed25519 over the canonical JSON of the other four members, base64url'),
  })
  .describe('A signed tree head (docs/registry.md)');

export const PublishedKey = z.object({
  key_id: z.string(),
  purpose: z.enum(['log', 'acceptance', 'authority']),
  algorithm: z.literal('Ed25519'),
  public_key: z.string().describe('Raw 32-byte public key, base64url'),
  organisation: z.object({ name: z.string(), country: z.string() }).nullable().describe('The authority, for an authority key'),
  created_at: z.string(),
  retired_at: z.string().nullable(),
});
export type PublishedKey = z.infer<typeof PublishedKey>;

export const RegistryDocument = z.object({
  version: z.literal(1),
  tree_head: TreeHeadView.nullable().describe('The latest signed tree head; null while the log is empty'),
  log_key: PublishedKey.nullable().describe('The active log key: the trust anchor of offline verification'),
  keys: z.array(PublishedKey).describe('Every key the registry signs or has signed with, retired ones included'),
});

export const TreeSizeParams = z.object({ size: Size });

export const InclusionQuery = z.object({
  contract_no: z.string().min(1).max(64),
  version: z.coerce.number().int().positive().optional().describe('Default: the latest version in the log'),
  tree_size: Size.optional().describe('Default: the latest tree head'),
});

export const InclusionProofView = z.object({
  contract_no: z.string(),
  version: z.int(),
  leaf_index: z.int(),
  tree_size: z.int(),
  leaf: z.string().describe('The canonical leaf JSON'),
  leaf_hash: Hex,
  audit_path: z.array(Hex).describe('RFC 9162 2.1.3 inclusion proof, leaf side first'),
  tree_head: TreeHeadView.nullable().describe('The signed head of that size, if one was published'),
});

export const ConsistencyQuery = z.object({ first: Size, second: Size });

export const ConsistencyProofView = z.object({
  first: z.int(),
  second: z.int(),
  consistency_path: z.array(Hex).describe('RFC 9162 2.1.4 consistency proof'),
});
