import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';

/**
 * Starts a TypeScript module in a worker thread, with a port of its own to talk over. The worker
 * reads `workerData` as `{ data, port }`.
 *
 * The module and what it imports from the project run as one plain JavaScript file, bundled by
 * esbuild once per process: loading them through tsx's loader hooks cost each worker about half a
 * second of CPU on a two-core machine where the database wants the other core (decision 0017).
 * Packages stay outside the bundle, so it is written under node_modules/.cache, where Node
 * finds them. Where it cannot be written, the worker runs its sources through tsx as before.
 */
export function startTsWorker(moduleUrl: URL, data: unknown): { worker: Worker; port: MessagePort } {
  const { port1: mine, port2: theirs } = new MessageChannel();
  const options = {
    workerData: { data, port: theirs },
    transferList: [theirs],
    // A young generation of 128 MB: at the default, collecting the many short-lived strings of a
    // bulk import took 2.5 s of 6 (docs/performance.md).
    resourceLimits: { maxYoungGenerationSizeMb: 128, maxOldGenerationSizeMb: 2048 },
  };
  const bundle = bundled(moduleUrl);
  const worker = bundle ? new Worker(bundle, options) : new Worker(throughTsx(moduleUrl), { ...options, eval: true });
  return { worker, port: mine };
}

const bundles = new Map<string, URL | undefined>();
const CACHE = new URL('../../../node_modules/.cache/corridor-workers/', import.meta.url);

function bundled(moduleUrl: URL): URL | undefined {
  if (!bundles.has(moduleUrl.href)) bundles.set(moduleUrl.href, bundle(moduleUrl));
  return bundles.get(moduleUrl.href);
}

function bundle(moduleUrl: URL): URL | undefined {
  if (moduleUrl.protocol !== 'file:' || process.env.CORRIDOR_WORKERS_THROUGH_TSX) return undefined;
  try {
    const { outputFiles } = buildSync({
      entryPoints: [fileURLToPath(moduleUrl)],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    const code = outputFiles[0]!.text;
    // Named by content, so that workers of different versions of the sources never share a file.
    const file = new URL(`${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`, CACHE);
    if (!existsSync(file)) {
      mkdirSync(CACHE, { recursive: true });
      const partial = fileURLToPath(file) + `.${process.pid}.partial`;
      writeFileSync(partial, code);
      renameSync(partial, file);
    }
    return file;
  } catch {
    return undefined;
  }
}

/** An eval'd entry that registers tsx in the thread, then imports the module. */
function throughTsx(moduleUrl: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
}
