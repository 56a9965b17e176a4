import { MessageChannel, type MessagePort, parentPort, Worker, workerData } from 'node:worker_threads';

/**
 * Bulk imports read, check and encode a file in a worker thread while the main thread loads
 * what is ready: on PGlite the database runs on the main thread, so without this the two
 * halves of an import take turns on one core while the other core idles (docs/performance.md).
 *
 * The worker sends text chunks and, at the end, a result; it runs at most AHEAD chunks ahead
 * of the loading, so a file never sits in memory whole.
 */
const AHEAD = 4;

type ToMain<R> = { kind: 'chunk'; text: string } | { kind: 'bytes'; bytes: number } | { kind: 'done'; result: R };

export interface ChunkWork<R> {
  /** The chunks, in order, as the worker makes them. */
  chunks: AsyncIterable<string>;
  /** The worker's result, once every chunk has been taken. */
  result: Promise<R>;
  /** Ends the worker: always called, once the result is in or early (e.g. the load failed). */
  stop(): Promise<void>;
}

/**
 * Starts `moduleUrl` (a TypeScript module that calls `serveChunks`) in a worker thread.
 * The sources run through tsx in the worker too: an eval'd entry registers it first.
 */
export function startChunkWorker<R>(moduleUrl: URL, data: unknown, onBytes?: (bytes: number) => void): ChunkWork<R> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  const { port1: mine, port2: theirs } = new MessageChannel();
  const worker = new Worker(entry, { eval: true, workerData: { data, port: theirs }, transferList: [theirs] });

  const queue: string[] = [];
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
    if (m.kind === 'chunk') queue.push(m.text);
    else if (m.kind === 'bytes') onBytes?.(m.bytes);
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

  async function* chunks(): AsyncGenerator<string> {
    for (;;) {
      const text = queue.shift();
      if (text !== undefined) {
        mine.postMessage('credit');
        yield text;
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
    stop: async () => {
      mine.close();
      await worker.terminate();
    },
  };
}

export interface ChunkSink {
  /** The data the main thread passed. */
  data: unknown;
  /** Sends one chunk; waits while the loading is AHEAD chunks behind. */
  send(text: string): Promise<void>;
  bytes(bytes: number): void;
}

/** The worker's side: `work` makes the chunks and returns the result sent last. */
export async function serveChunks<R>(work: (sink: ChunkSink) => Promise<R>): Promise<void> {
  if (!parentPort) throw new Error('serveChunks runs in a worker thread');
  const { data, port } = workerData as { data: unknown; port: MessagePort };
  let outstanding = 0;
  let resume: (() => void) | undefined;
  port.on('message', () => {
    outstanding--;
    resume?.();
    resume = undefined;
  });
  const post = (m: ToMain<R>) => port.postMessage(m);
  const result = await work({
    data,
    async send(text) {
      post({ kind: 'chunk', text });
      if (++outstanding >= AHEAD) await new Promise<void>((r) => (resume = r));
    },
    bytes: (bytes) => post({ kind: 'bytes', bytes }),
  });
  post({ kind: 'done', result });
  // The port stays open, so the thread lives until the main thread, holding the result, stops it: a
  // thread that ended by itself could be seen to exit before its last message was read.
}
