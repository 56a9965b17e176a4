import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

/**
 * Rate limits that hold across the server's worker processes (`corridor start --workers N`,
 * decision 0011): in a worker, every count is kept by the primary process, which answers over
 * the cluster IPC channel; a limit of 10 sign-ins per IP and minute stays 10 whatever the number
 * of workers. In a single process it is @fastify/rate-limit's own in-memory store.
 */

type Counted = { current: number; ttl: number };
type Callback = (err: Error | null, res?: Counted) => void;
interface Store {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void;
  read?(key: string, cb: Callback, timeWindow: number, max: number): void;
  child(routeOptions: RouteParams): Store;
}
interface RouteParams {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  cache?: number;
  routeInfo?: { method?: string | string[]; url?: string };
}
type LocalStoreClass = new (continueExceeding?: boolean, exponentialBackoff?: boolean, cache?: number) => Store;

const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore') as LocalStoreClass;

const REQUEST = 'corridor:rate-limit';
const ANSWER = 'corridor:rate-limit:answer';
/** A worker that gets no answer in this time lets the request through rather than hang it; the primary answers in microseconds. */
const ANSWER_TIMEOUT_MS = 2000;

interface RateLimitRequest {
  type: typeof REQUEST;
  id: string;
  store: string;
  options: { continueExceeding?: boolean; exponentialBackoff?: boolean; cache?: number };
  op: 'incr' | 'read';
  key: string;
  timeWindow: number;
  max: number;
}

const storeName = (params: RouteParams) => {
  const info = params.routeInfo ?? {};
  const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
  return `${method} ${info.url ?? ''}`;
};

/** The store class to give @fastify/rate-limit (`store:`): shared through the primary in a cluster worker. */
export function rateLimitStore(): FastifyRateLimitStoreCtor | undefined {
  if (!cluster.isWorker) return undefined;
  const pending = new Map<string, { cb: Callback; timer: NodeJS.Timeout }>();
  process.on('message', (message: { type?: string; id?: string; error?: string; result?: Counted }) => {
    if (message?.type !== ANSWER || !message.id) return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.error) waiting.cb(new Error(message.error));
    else waiting.cb(null, message.result);
  });

  class SharedStore implements Store {
    constructor(private readonly params: RouteParams) {}
    private ask(op: 'incr' | 'read', key: string, cb: Callback, timeWindow: number, max: number) {
      const id = randomUUID();
      const timer = setTimeout(() => {
        pending.delete(id);
        cb(null, { current: 0, ttl: timeWindow });
      }, ANSWER_TIMEOUT_MS);
      pending.set(id, { cb, timer });
      const { continueExceeding, exponentialBackoff, cache } = this.params;
      const request: RateLimitRequest = {
        type: REQUEST, id, store: storeName(this.params), options: { continueExceeding, exponentialBackoff, cache }, op, key, timeWindow, max,
      };
      process.send!(request);
    }
    incr(key: string, cb: Callback, timeWindow: number, max: number) {
      this.ask('incr', key, cb, timeWindow, max);
    }
    read(key: string, cb: Callback, timeWindow: number, max: number) {
      this.ask('read', key, cb, timeWindow, max);
    }
    child(routeOptions: RouteParams) {
      return new SharedStore(routeOptions);
    }
  }
  // Route options reach child() as fastify's RouteOptions, of which only routeInfo and the flags are read.
  return SharedStore as unknown as FastifyRateLimitStoreCtor;
}

/** In the primary: keeps the counts for every worker, one in-memory store per route. */
export function serveRateLimits(worker: Worker, stores = new Map<string, Store>()): Map<string, Store> {
  worker.on('message', (message: RateLimitRequest) => {
    if (message?.type !== REQUEST) return;
    let store = stores.get(message.store);
    if (!store) {
      store = new LocalStore(message.options.continueExceeding, message.options.exponentialBackoff, message.options.cache);
      stores.set(message.store, store);
    }
    const answer = (err: Error | null, result?: Counted) => {
      if (!worker.isConnected()) return;
      worker.send({ type: ANSWER, id: message.id, ...(err ? { error: err.message } : { result: { current: result!.current, ttl: result!.ttl } }) });
    };
    if (message.op === 'read' && store.read) store.read(message.key, answer, message.timeWindow, message.max);
    else store.incr(message.key, answer, message.timeWindow, message.max);
  });
  return stores;
}
