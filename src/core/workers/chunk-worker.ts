import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { startTsWorker } from './ts-worker.js';

/**
 * Bulk imports read, check and encode a file in a worker thread while the main thread loads
 * what is ready: on PGlite the database runs on the main thread, so without this the two
 * halves of an import take turns on one core while the other core idles (docs/performance.md).
 *
 * The worker sends chunks of text (as UTF-8 bytes) and, at the end, a result; it runs at most AHEAD chunks ahead
 * of the loading, so a file never sits in memory whole.
 */
const AHEAD = 16;

type ToMain<R> = { kind: 'chunk'; bytes: Uint8Array } | { kind: 'progress'; bytes: number } | { kind: 'done'; result: R };

export interface ChunkWork<R> {
  /** The chunks, in order, as the worker makes them (UTF-8). */
  chunks: AsyncIterable<Buffer>;
  /** The worker's result, once every chunk has been taken. */
  result: Promise<R>;
  /** Passes the worker something it waits for with `sink.heard()` (e.g. an id known only later). */
  tell(value: unknown): void;
  /** Ends the worker: always called, once the result is in or early (e.g. the load failed). */
  stop(): Promise<void>;
}

/**
 * Starts `moduleUrl` (a TypeScript module that calls `serveChunks`) in a worker thread.
 */
export function startChunkWorker<R>(moduleUrl: URL, data: unknown, onBytes?: (bytes: number) => void): ChunkWork<R> {
  const { worker, port: mine } = startTsWorker(moduleUrl, data);

  const queue: Buffer[] = [];
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let settle!: { resolve: (r: R) => void; reject: (e: unknown) => void };
  const result = new Promise<R>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined);
  const nudge = () => {
    wake?.();
    wake = undefined;
  };

  mine.on('message', (m: ToMain<R>) => {
    if (m.kind === 'chunk') queue.push(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
    else if (m.kind === 'progress') onBytes?.(m.bytes);
    else {
      finished = true;
      settle.resolve(m.result);
    }
    nudge();
  });
  worker.on('error', (err) => {
    failure = err;
    settle.reject(err);
    nudge();
  });
  worker.on('exit', (code) => {
    if (!finished && failure === undefined) {
      failure = new Error(`the import worker stopped (exit code ${code})`);
      settle.reject(failure);
    }
    nudge();
  });

  async function* chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = queue.shift();
      if (chunk !== undefined) {
        mine.postMessage('credit');
        yield chunk;
        continue;
      }
      if (failure !== undefined) throw failure;
      if (finished) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  }

  return {
    chunks: chunks(),
    result,
    tell: (value) => mine.postMessage({ told: value }),
    stop: async () => {
      mine.close();
      await worker.terminate();
    },
  };
}

export interface ChunkSink {
  /** The data the main thread passed. */
  data: unknown;
  /**
   * Adds whole lines of text to the chunk being filled. When that sends a chunk while the loading is
   * AHEAD chunks behind, it returns a promise to wait for; otherwise nothing (no await per line).
   */
  write(text: string): Promise<void> | undefined;
  bytes(bytes: number): void;
  /** What the main thread tells it (`tell`), in order. */
  heard(): Promise<unknown>;
}

const CHUNK_BYTES = 1 << 20;

/** The worker's side: `work` makes the chunks and returns the result sent last. */
export async function serveChunks<R>(work: (sink: ChunkSink) => Promise<R>): Promise<void> {
  if (!parentPort) throw new Error('serveChunks runs in a worker thread');
  const { data, port } = workerData as { data: unknown; port: MessagePort };
  let outstanding = 0;
  let resume: (() => void) | undefined;
  const told: unknown[] = [];
  let listening: ((value: unknown) => void) | undefined;
  port.on('message', (m: 'credit' | { told: unknown }) => {
    if (m !== 'credit') {
      if (listening) listening(m.told);
      else told.push(m.told);
      listening = undefined;
      return;
    }
    outstanding--;
    resume?.();
    resume = undefined;
  });
  const post = (m: ToMain<R>) => port.postMessage(m);
  // Lines are written straight into a buffer whose memory then moves to the main thread: joining them
  // into a string and encoding it took a fifth of the worker's time, and a string would be copied.
  let buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  let used = 0;
  const send = async () => {
    if (used === 0) return;
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, used);
    port.postMessage({ kind: 'chunk', bytes } satisfies ToMain<R>, [buffer.buffer]);
    buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    used = 0;
    if (++outstanding >= AHEAD) await new Promise<void>((r) => (resume = r));
  };
  const result = await work({
    data,
    write(text) {
      // A UTF-16 unit is at most 3 bytes of UTF-8.
      if (used + text.length * 3 <= buffer.length) {
        used += buffer.write(text, used);
        return undefined;
      }
      return send().then(() => {
        if (text.length * 3 > buffer.length) buffer = Buffer.allocUnsafeSlow(text.length * 3);
        used += buffer.write(text, used);
      });
    },
    bytes: (bytes) => post({ kind: 'progress', bytes }),
    heard: () => (told.length ? Promise.resolve(told.shift()) : new Promise((r) => (listening = r))),
  });
  await send();
  post({ kind: 'done', result });
  // The port stays open, so the thread lives until the main thread, holding the result, stops it: a
  // thread that ended by itself could be seen to exit before its last message was read.
}
