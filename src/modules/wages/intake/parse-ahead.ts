import { parseSalaryFile } from '../salary-files/index.js';
import type { IncomingFile } from './import-salary-files.js';
import type { IntakeParsedFile } from './file-rows.js';
import { type FileOnDisk, parseInThread } from './parse-thread.js';

export interface Parsed {
  file: IncomingFile;
  parsed: IntakeParsedFile;
}

/** Below this many files starting a thread costs more than it saves. */
const THREAD_MIN_FILES = 100;

/**
 * The files parsed, in order: in a worker thread when they are files on disk and many
 * (`thread` forces the choice), else on this thread with several read at once.
 */
export async function* parseFiles(
  files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>,
  thread?: boolean,
): AsyncGenerator<Parsed> {
  const onDisk = Array.isArray(files) && (files as IncomingFile[]).every((f) => f.path !== undefined) ? (files as IncomingFile[]) : undefined;
  if (!onDisk || !(thread ?? onDisk.length >= THREAD_MIN_FILES)) {
    yield* parseAhead(files, 16);
    return;
  }
  let i = 0;
  for await (const parsed of parseInThread(onDisk as readonly FileOnDisk[])) {
    yield { file: onDisk[i++]!, parsed };
  }
}

/**
 * Parses files in order, with up to `ahead` of them opened and read at once: a month is tens
 * of thousands of small files, and one at a time the intake mostly waits on open/read/close.
 * Parsing itself stays on this thread (it is synchronous per chunk), so `ahead` bounds only
 * how many files are open and in memory, not CPU use.
 */
export async function* parseAhead(files: Iterable<IncomingFile> | AsyncIterable<IncomingFile>, ahead: number): AsyncGenerator<Parsed> {
  const queue: Promise<Parsed>[] = [];
  const start = (file: IncomingFile) =>
    parseSalaryFile(file.open(), { fileName: file.name, format: file.format, profiles: file.profiles }).then((parsed) => ({ file, parsed }));
  try {
    for await (const file of files) {
      queue.push(start(file));
      if (queue.length >= ahead) yield await queue.shift()!;
    }
    while (queue.length) yield await queue.shift()!;
  } finally {
    // Stopped early (a failed store): the files still being read must not reject unobserved.
    for (const p of queue) p.catch(() => undefined);
  }
}
