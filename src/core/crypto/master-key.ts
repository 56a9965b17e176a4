import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

const MASTER_KEY_FILE = 'master.key';
const fileKeys = new Map<string, Buffer>();

/**
 * The key that seals the registry's private keys: CORRIDOR_MASTER_KEY when set; for the
 * embedded database a key file made on first use in the data folder (so `corridor start`
 * works out of the box); a server database refuses to guess, since its data folder is not
 * where the data lives and a lost key would orphan every signing key.
 */
export function masterKeyOf(config: Config): Buffer {
  if (config.masterKey) return decode(config.masterKey, 'CORRIDOR_MASTER_KEY');
  if (config.databaseUrl) {
    throw new AppError(
      'unavailable',
      'Set CORRIDOR_MASTER_KEY (32 random bytes, base64url, e.g. `openssl rand 32 | basenc --base64url`) to sign with a PostgreSQL server; keep it out of the database and its backups',
    );
  }
  const file = join(config.dataDir, MASTER_KEY_FILE);
  let key = fileKeys.get(file);
  if (!key) {
    key = readOrCreate(file, config.dataDir);
    fileKeys.set(file, key);
  }
  return key;
}

function readOrCreate(file: string, dir: string): Buffer {
  try {
    return decode(readFileSync(file, 'utf8').trim(), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dir, { recursive: true });
  try {
    // 'wx': if another process made it meanwhile, use theirs rather than overwrite it.
    writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return decode(readFileSync(file, 'utf8').trim(), file);
}

function decode(text: string, source: string): Buffer {
  const key = Buffer.from(text, 'base64url');
  if (key.length !== 32 || key.toString('base64url') !== text) {
    throw new AppError('unavailable', `${source} must be 32 bytes in base64url (43 characters)`);
  }
  return key;
}
