/**
 * The worker side of parse-thread.ts: parses the files of its blocks in order and sends the results
 * a few thousand payments at a time (a block's last message ends with it), never more than
 * PARSE_THREAD_AHEAD messages ahead of those taken.
 */
import { readFileSync } from 'node:fs';
import { type MessagePort, workerData } from 'node:worker_threads';
import { type IntakeParsedFile, recordsCopyTail } from './file-rows.js';
import { type FileOnDisk, type FromParseThread, PARSE_THREAD_AHEAD, PARSE_THREAD_MESSAGE_RECORDS, type ToParseThread } from './parse-thread.js';
import { parseAhead } from './parse-ahead.js';

const { port } = workerData as { port: MessagePort };
let outstanding = 0;
let resume: (() => void) | undefined;
const blocks: FileOnDisk[][] = [];
let ended = false;
let arrived: (() => void) | undefined;
port.on('message', (m: ToParseThread) => {
  if (m === 'credit') {
    outstanding--;
    resume?.();
    resume = undefined;
    return;
  }
  if (m.kind === 'block') blocks.push(m.files);
  else ended = true;
  arrived?.();
  arrived = undefined;
});

/** The blocks as the main thread gives them, until it says there are no more. */
async function* given(): AsyncGenerator<FileOnDisk[]> {
  for (;;) {
    const block = blocks.shift();
    if (block) yield block;
    else if (ended) return;
    else await new Promise<void>((r) => (arrived = r));
  }
}
const send = (m: FromParseThread, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
const encoder = new TextEncoder();

try {
  let batch: IntakeParsedFile[] = [];
  let tails: string[] = [];
  let records = 0;
  // The message's payments as one buffer, handed over (not copied), each file's a view of it.
  const flush = async () => {
    const bytes = new Uint8Array(tails.reduce((n, t) => n + Buffer.byteLength(t), 0));
    let at = 0;
    batch.forEach((file, i) => {
      const start = at;
      at += encoder.encodeInto(tails[i]!, bytes.subarray(at)).written;
      file.recordsCopyTail = bytes.subarray(start, at);
    });
    send({ kind: 'parsed', files: batch }, [bytes.buffer]);
    batch = [];
    tails = [];
    records = 0;
    if (++outstanding >= PARSE_THREAD_AHEAD) await new Promise<void>((r) => (resume = r));
  };
  // Each block ends its last message: the main thread takes the blocks of the threads in turn.
  for await (const block of given()) {
    // Read whole and synchronously: this thread does nothing else, and most salary files are a few
    // lines, for which a stream's open, reads and close cost more than the parse.
    const files = block.map((f) => ({ ...f, open: () => [readFileSync(f.path)] }));
    for await (const { parsed } of parseAhead(files, 1)) {
      tails.push(recordsCopyTail(parsed));
      batch.push({ ...parsed, records: [] });
      records += parsed.recordCount;
      if (records >= PARSE_THREAD_MESSAGE_RECORDS) await flush();
    }
    if (batch.length) await flush();
  }
} catch (err) {
  send({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
}
// The port stays open: the main thread ends the thread once it has every file.
