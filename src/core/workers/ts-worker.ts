import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';

/**
 * Starts a TypeScript module in a worker thread, with a port of its own to talk over: the sources
 * run through tsx there too, so an eval'd entry registers it first. The worker reads `workerData`
 * as `{ data, port }`.
 */
export function startTsWorker(moduleUrl: URL, data: unknown): { worker: Worker; port: MessagePort } {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(moduleUrl.href)}); })`;
  const { port1: mine, port2: theirs } = new MessageChannel();
  // A young generation of 128 MB: at the default, collecting the many short-lived strings of a
  // bulk import took 2.5 s of 6 (docs/performance.md).
  const worker = new Worker(entry, {
    eval: true,
    workerData: { data, port: theirs },
    transferList: [theirs],
    resourceLimits: { maxYoungGenerationSizeMb: 128, maxOldGenerationSizeMb: 2048 },
  });
  return { worker, port: mine };
}
