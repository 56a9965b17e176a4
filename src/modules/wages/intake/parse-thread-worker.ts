/**
 * The worker side of parse-thread.ts: parses each file in order (several read at once) and sends
 * the result, never more than PARSE_THREAD_AHEAD ahead of the files the main thread took.
 */
import { createReadStream } from 'node:fs';
import { type MessagePort, workerData } from 'node:worker_threads';
import { type FileOnDisk, type FromParseThread, PARSE_THREAD_AHEAD } from './parse-thread.js';
import { parseAhead } from './parse-ahead.js';

const { data, port } = workerData as { data: FileOnDisk[]; port: MessagePort };
let outstanding = 0;
let resume: (() => void) | undefined;
port.on('message', () => {
  outstanding--;
  resume?.();
  resume = undefined;
});
const send = (m: FromParseThread) => port.postMessage(m);

try {
  const files = data.map((f) => ({ ...f, open: () => createReadStream(f.path) }));
  for await (const { parsed } of parseAhead(files, 16)) {
    send({ kind: 'parsed', parsed });
    if (++outstanding >= PARSE_THREAD_AHEAD) await new Promise<void>((r) => (resume = r));
  }
} catch (err) {
  send({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
}
// The port stays open: the main thread ends the thread once it has every file.
