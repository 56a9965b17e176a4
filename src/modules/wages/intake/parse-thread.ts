import { startTsWorker } from '../../../core/workers/ts-worker.js';
import type { SalaryFileFormat, UaeProfile } from '../salary-files/index.js';
import type { IntakeParsedFile } from './file-rows.js';

/** What the parsing thread needs of a file named by its path (the command line's files). */
export interface FileOnDisk {
  path: string;
  name: string;
  format?: SalaryFileFormat;
  profiles?: readonly UaeProfile[];
}

export type FromParseThread = { kind: 'parsed'; files: IntakeParsedFile[] } | { kind: 'failed'; message: string };

/**
 * Parsed files go over in messages of about this many payments (or one large file): a message
 * per file (most hold a few payments) cost more than the parse.
 */
export const PARSE_THREAD_MESSAGE_RECORDS = 2_000;
/** Messages sent ahead of the ones taken, at most: bounds the memory, not the speed. */
export const PARSE_THREAD_AHEAD = 16;

/**
 * Parses files on disk in a worker thread, in order, while this thread stores the earlier ones:
 * on PGlite the database runs on this thread, so parsing here would take turns with it on one
 * core. The thread runs at most PARSE_THREAD_AHEAD messages ahead of what was taken.
 */
export async function* parseInThread(files: readonly FileOnDisk[]): AsyncGenerator<IntakeParsedFile> {
  const { worker, port } = startTsWorker(new URL('./parse-thread-worker.ts', import.meta.url), files);
  const queue: FromParseThread[] = [];
  let ready: IntakeParsedFile[] = [];
  let failure: unknown;
  let wake: (() => void) | undefined;
  const nudge = () => {
    wake?.();
    wake = undefined;
  };
  port.on('message', (m: FromParseThread) => {
    queue.push(m);
    nudge();
  });
  worker.on('error', (err) => {
    failure = err;
    nudge();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the salary file parser stopped (exit code ${code})`);
    nudge();
  });
  try {
    for (let taken = 0; taken < files.length; ) {
      if (ready.length) {
        taken++;
        yield ready.shift()!;
        continue;
      }
      const m = queue.shift();
      if (m === undefined) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (m.kind === 'failed') throw new Error(m.message);
      port.postMessage('credit');
      ready = m.files;
    }
  } finally {
    port.close();
    await worker.terminate();
  }
}
