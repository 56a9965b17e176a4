import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../../schema.js';
import { AppError } from '../errors.js';
import { encodeCopyRow, type CopyValue } from './copy-text.js';
import { lockDataDir } from './lock.js';
import { migrateToLatest } from './migrate.js';

export type Engine = 'pglite' | 'postgres';
export type Rows = Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>;
/** Whole lines of COPY text. */
export type CopyChunk = string | Uint8Array;

/** One connection, for work that must see its own temporary tables and COPY inside one transaction. */
export interface Session {
  db: Kysely<DB>;
  /** Bulk-load rows with COPY; returns the number of rows. Inside a transaction, it is part of it. */
  copyInto(table: string, columns: readonly string[], rows: Rows): Promise<number>;
  /** Bulk-load text already in COPY text format, whole lines per chunk, as strings or UTF-8 bytes (e.g. made in a worker thread). */
  copyText(table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk>): Promise<void>;
}

export interface Database {
  engine: Engine;
  db: Kysely<DB>;
  session<T>(fn: (s: Session) => Promise<T>): Promise<T>;
  copyInto(table: string, columns: readonly string[], rows: Rows): Promise<number>;
  copyText(table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk>): Promise<void>;
  /**
   * Hears NOTIFY on `channel` (a payload per notification) until the returned function is called.
   * `onLost` is called once if the listening connection is lost (a server restart): notifications
   * may have been missed from then on, and nothing more is heard on this subscription.
   */
  listen(channel: string, onMessage: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>>;
  /** The embedded engine itself (PGlite only): for dumps and backups. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL server URL; when absent, the embedded PGlite in dataDir. */
  url?: string;
  /** Embedded data folder; 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** A dump of a migrated data folder to start from (tests clone a template this way). */
  loadDataDir?: Blob;
  /** Run migrations on open (default true). */
  migrate?: boolean;
}

export const APP_ROLE = 'corridor_app';

// int8 (counts, minor units) as a JS number, refusing the rare value that would lose digits.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new AppError('internal', `integer ${v} is too large`);
  return n;
});
// date stays 'YYYY-MM-DD': a calendar date has no time zone to shift it.
pg.types.setTypeParser(1082, (v: string) => v);

/** Rows per COPY text chunk: big enough that a chunk's overhead does not count, small enough to stream. */
const COPY_CHUNK_ROWS = 5_000;

/** Rows as COPY text chunks of whole lines; `counted` learns the number of rows at the end. */
async function* copyChunks(rows: Rows, counted: (rows: number) => void): AsyncGenerator<string> {
  let count = 0;
  let buf = '';
  let inBuf = 0;
  for await (const row of rows) {
    buf += encodeCopyRow(row);
    count++;
    if (++inBuf >= COPY_CHUNK_ROWS) {
      yield buf;
      buf = '';
      inBuf = 0;
    }
  }
  if (buf) yield buf;
  counted(count);
}

/** Characters (or bytes) of COPY text per PGlite statement (about 50,000 rows of a wide table). */
const BLOB_CHARS = 8 << 20;

/** copyInto over a copyText: the one place rows become COPY text. */
function copyRowsWith(copyText: Session['copyText']): Session['copyInto'] {
  return async (table, columns, rows) => {
    let count = 0;
    await copyText(table, columns, copyChunks(rows, (n) => (count = n)));
    return count;
  };
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openServer(options.url, options.migrate ?? true) : openEmbedded(options);
}

async function openServer(url: string, migrate: boolean): Promise<Database> {
  if (migrate) {
    const owner = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
    try {
      await migrateToLatest(owner);
    } finally {
      await owner.destroy();
    }
  }
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.CORRIDOR_DB_POOL || 8) });
  // An idle connection the server closed (restart, failover) is replaced on next use; it must not end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.query(`SET ROLE ${APP_ROLE}`).catch(() => undefined);
    usePreparedStatements(client);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });

  const copyTextWith = async (client: pg.PoolClient, table: string, columns: readonly string[], chunks: AsyncIterable<CopyChunk>) => {
    await pipeline(Readable.from(chunks), client.query(copyFrom(copySql(table, columns, 'STDIN'))));
  };

  const session = async <T>(fn: (s: Session) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    const single = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
    try {
      const copyText: Session['copyText'] = (t, c, chunks) => copyTextWith(client, t, c, chunks);
      return await fn({ db: single, copyText, copyInto: copyRowsWith(copyText) });
    } finally {
      client.release();
    }
  };

  // Each subscription has a connection of its own, outside the pool: a pooled one is shared.
  const listeners = new Set<pg.Client>();
  const listen: Database['listen'] = async (channel, onMessage, onLost) => {
    const client = new pg.Client({ connectionString: url });
    let lost = false;
    const lose = () => {
      if (lost) return;
      lost = true;
      listeners.delete(client);
      onLost();
    };
    client.on('error', lose);
    client.on('end', lose);
    client.on('notification', (n) => n.channel === channel && onMessage(n.payload ?? ''));
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    listeners.add(client);
    return async () => {
      lost = true;
      listeners.delete(client);
      await client.end();
    };
  };

  return {
    engine: 'postgres',
    db,
    session,
    copyInto: (t, c, r) => session((s) => s.copyInto(t, c, r)),
    copyText: (t, c, chunks) => session((s) => s.copyText(t, c, chunks)),
    listen,
    close: async () => {
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      await db.destroy();
    },
  };
}

async function openEmbedded(options: OpenOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  let release = () => {};
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  try {
    const pglite = new PGlite(dataDir.startsWith('memory://') ? undefined : `${dataDir}/pgdata`, {
      loadDataDir: options.loadDataDir,
    });
    await pglite.waitReady;
    const pool = new pg.Pool(createPgConfig(pglite));
    pool.on('connect', (client) => usePreparedStatements(client));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    if (options.migrate ?? true) {
      await migrateToLatest(db);
      // COPY from PGlite's in-memory /dev/blob counts as reading a server file; it is the only bulk path here.
      await sql.raw(`GRANT pg_read_server_files TO ${APP_ROLE}`).execute(db);
    }
    // PGlite has one session: taking the application role here holds for everything after.
    await sql.raw(`SET ROLE ${APP_ROLE}`).execute(db);

    // PGlite reads COPY from its in-memory /dev/blob, one blob per statement: chunks are gathered up to
    // a size where a statement's overhead does not count, strings joined into one first, since a Blob of
    // thousands of small parts made COPY take twice as long as the rows themselves (docs/performance.md).
    const copyText: Session['copyText'] = async (table, columns, chunks) => {
      let parts: CopyChunk[] = [];
      let size = 0;
      const flush = async () => {
        if (!parts.length) return;
        const blob = new Blob(parts.every((p) => typeof p === 'string') ? [parts.join('')] : (parts as BlobPart[]));
        parts = [];
        size = 0;
        await pglite.query(copySql(table, columns, `'/dev/blob'`), [], { blob });
      };
      for await (const chunk of chunks) {
        parts.push(chunk);
        size += chunk.length;
        if (size >= BLOB_CHARS) await flush();
      }
      await flush();
    };
    const copyInto = copyRowsWith(copyText);

    return {
      engine: 'pglite',
      db,
      pglite,
      // One backend session only: COPY straight to PGlite runs inside whatever transaction the pool's connection has open.
      session: (fn) => fn({ db, copyInto, copyText }),
      copyInto,
      copyText,
      // One process, one session: nothing can end it but close(), so nothing is ever lost.
      listen: async (channel, onMessage) => pglite.listen(channel, onMessage),
      close: async () => {
        await db.destroy();
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

// Statements seen more than once are run as named prepared statements, parsed and planned once
// per connection instead of at every call (Kysely hands node-postgres plain text): the texts
// repeat (only the parameters vary), so this is most of the server's parse and plan work gone.
// Only parameterised statements (the extended protocol already); bounded per connection and overall.
const seenTexts = new Map<string, string | null>();
const SEEN_MAX = 5000;
const PREPARED_PER_CONNECTION = 1000;

function statementName(text: string): string | undefined {
  const seen = seenTexts.get(text);
  if (seen) return seen;
  if (seen === undefined) {
    // First sight: run it unnamed (a text made once, e.g. with inlined values, never takes server memory).
    if (seenTexts.size >= SEEN_MAX) seenTexts.clear();
    seenTexts.set(text, null);
    return undefined;
  }
  const name = `corridor_${createHash('sha256').update(text).digest('base64url').slice(0, 22)}`;
  seenTexts.set(text, name);
  return name;
}

function usePreparedStatements(client: pg.PoolClient | pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const prepared = new Set<string>();
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && callback === undefined) {
      const name = statementName(text);
      if (name && (prepared.has(name) || prepared.size < PREPARED_PER_CONNECTION)) {
        prepared.add(name);
        return query({ name, text, values });
      }
    }
    return callback === undefined ? (values === undefined ? query(text) : query(text, values)) : query(text, values, callback);
  };
}

function copySql(table: string, columns: readonly string[], source: string): string {
  const ident = (name: string) => {
    if (!/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/.test(name)) throw new AppError('internal', `bad identifier ${name}`);
    return name;
  };
  return `COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM ${source}`;
}

/** A pg.Pool look-alike that always hands out the same client, so Kysely runs on one connection. */
function singleClientPool(client: pg.PoolClient) {
  const lent = { query: client.query.bind(client), release: () => {} };
  return {
    connect: async () => lent,
    end: async () => {},
  } as unknown as pg.Pool;
}
