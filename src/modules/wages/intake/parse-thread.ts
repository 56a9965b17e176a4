import { availableParallelism } from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import { startTsWorker } from '../../../core/workers/ts-worker.js';
import type { SalaryFileFormat, UaeProfile } from '../salary-files/index.js';
import type { IntakeParsedFile } from './file-rows.js';

/** What a parsing thread needs of a file named by its path (the command line's files). */
export interface FileOnDisk {
  path: string;
  name: string;
  format?: SalaryFileFormat;
  profiles?: readonly UaeProfile[];
}

export type FromParseThread = { kind: 'parsed'; files: IntakeParsedFile[] } | { kind: 'failed'; message: string };
/** A block of files to parse, or the end; and 'credit' when a message was taken. */
export type ToParseThread = { kind: 'block'; files: FileOnDisk[] } | { kind: 'end' } | 'credit';

/**
 * Parsed files go over in messages of about this many payments (or one large file): a message
 * per file (most hold a few payments) cost more than the parse.
 */
export const PARSE_THREAD_MESSAGE_RECORDS = 2_000;
/** Messages a thread sends ahead of the ones taken, at most: bounds the memory, not the speed. */
export const PARSE_THREAD_AHEAD = 16;
/**
 * Blocks a thread holds ahead of the one being taken. A thread is given its blocks as they are
 * needed, not all at its start: a UAE-size month's 300,000 paths, copied to each thread and
 * mapped here, were tens of megabytes held for the whole import.
 */
const BLOCKS_AHEAD = 2;
/** Files are dealt to the threads in blocks of this many; a message never spans two blocks. */
export const PARSE_THREAD_BLOCK_FILES = 256;

/**
 * One thread per core, at most two: the intake's own thread and the database need the rest of
 * the machine. A UAE-size month is 300,000 files; one thread reading and parsing them was the
 * intake's slowest part (docs/performance.md, session 7).
 */
const defaultThreads = () => Math.max(1, Math.min(2, availableParallelism()));

/**
 * Parses files on disk in worker threads while this thread stores the earlier ones (on PGlite
 * the database runs on this thread, so parsing here would take turns with it). The files are
 * dealt in blocks, block b to thread b mod n, and taken back block by block, so they come out
 * in the order given; each thread runs at most PARSE_THREAD_AHEAD messages ahead.
 */
export async function* parseInThread(
  files: readonly FileOnDisk[],
  { threads = defaultThreads(), blockFiles = PARSE_THREAD_BLOCK_FILES } = {},
): AsyncGenerator<IntakeParsedFile> {
  const blocks = Math.ceil(files.length / blockFiles);
  const n = Math.max(1, Math.min(threads, blocks));
  // Block b is files [b * blockFiles, (b + 1) * blockFiles), parsed by thread b mod n.
  const lanes = Array.from({ length: n }, (_, t) => new Lane((k) => {
    const start = (t + k * n) * blockFiles;
    return start < files.length ? files.slice(start, start + blockFiles).map(({ path, name, format, profiles }) => ({ path, name, format, profiles })) : undefined;
  }));
  try {
    for (let b = 0; b < blocks; b++) {
      const lane = lanes[b % n]!;
      for (let left = Math.min(blockFiles, files.length - b * blockFiles); left > 0; ) {
        for (const parsed of await lane.next()) {
          left--;
          yield parsed;
        }
      }
      lane.giveBlock();
    }
  } finally {
    await Promise.all(lanes.map((l) => l.stop()));
  }
}

/** One parsing thread and the messages it has sent that were not taken yet. */
class Lane {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly queue: FromParseThread[] = [];
  private failure: unknown;
  private wake: (() => void) | undefined;
  private given = 0;
  private ended = false;

  /** `block(k)` is the thread's k-th block of files, undefined past its last. */
  constructor(private readonly block: (k: number) => FileOnDisk[] | undefined) {
    ({ worker: this.worker, port: this.port } = startTsWorker(new URL('./parse-thread-worker.ts', import.meta.url), null));
    for (let k = 0; k <= BLOCKS_AHEAD; k++) this.giveBlock();
    this.port.on('message', (m: FromParseThread) => {
      this.queue.push(m);
      this.nudge();
    });
    this.worker.on('error', (err) => {
      this.failure = err;
      this.nudge();
    });
    this.worker.on('exit', (code) => {
      this.failure ??= new Error(`the salary file parser stopped (exit code ${code})`);
      this.nudge();
    });
  }

  /** Gives the thread its next block (again each time one was taken whole), or the end, once. */
  giveBlock(): void {
    if (this.ended) return;
    const files = this.block(this.given++);
    this.ended = files === undefined;
    this.send(files ? { kind: 'block', files } : { kind: 'end' });
  }

  private send(m: ToParseThread) {
    this.port.postMessage(m);
  }

  private nudge() {
    this.wake?.();
    this.wake = undefined;
  }

  /** The files of the thread's next message, in order. */
  async next(): Promise<IntakeParsedFile[]> {
    for (;;) {
      const m = this.queue.shift();
      if (m) {
        if (m.kind === 'failed') throw new Error(m.message);
        this.send('credit');
        return m.files;
      }
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async stop(): Promise<void> {
    this.port.close();
    await this.worker.terminate();
  }
}
