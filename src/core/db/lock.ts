import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../errors.js';

/**
 * An exclusive lock on an embedded data folder. PGlite takes none of its own, and two
 * processes on one folder silently lose writes (measured; see docs/decisions/0002).
 * mkdir is atomic; the holder's pid is kept inside so a second opener can name it,
 * and a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockDir = join(dataDir, 'corridor.lock');
  const pidFile = join(lockDir, 'pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lockDir);
      writeFileSync(pidFile, String(process.pid));
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockDir, { recursive: true, force: true });
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(pidFile);
      // Our own pid counts too: a second PGlite on the same folder in one process loses writes just the same.
      if (holder !== undefined && isAlive(holder)) {
        throw new AppError(
          'locked',
          `The data folder ${dataDir} is in use by process ${holder}; stop it first, or use --data DIR for another folder`,
          [],
          { pid: holder },
        );
      }
      // The holder is gone (or never wrote its pid): the lock is stale.
      rmSync(lockDir, { recursive: true, force: true });
    }
  }
  throw new AppError('locked', `Could not lock the data folder ${dataDir}`);
}

function readHolder(pidFile: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
