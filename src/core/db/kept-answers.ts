import type { Database } from './database.js';

/**
 * Answers a server process keeps between requests only while it hears the database announce
 * every change that could make one wrong (a NOTIFY channel sent by triggers, on commit): an
 * answer is forgotten as soon as its change commits, so it is never staler than the
 * notification's trip. Not hearing (not yet, or the connection was lost) keeps nothing, and
 * every request reads the database. Answers are also renewed after `maxAgeMs` whatever is heard.
 */
export class KeptAnswers<T> {
  private readonly answers = new Map<string, { value: T; keptAt: number }>();
  /** Whether notifications are being heard: nothing is kept or served otherwise. */
  hearing = false;
  /** Changes heard so far: an answer read before a change is not kept after it. */
  changes = 0;

  constructor(
    private readonly max: number,
    private readonly maxAgeMs: number,
  ) {}

  get size(): number {
    return this.answers.size;
  }

  /** The answer kept under `key`, while it may be trusted. */
  get(key: string): T | undefined {
    if (!this.hearing) return undefined;
    const kept = this.answers.get(key);
    return kept && Date.now() - kept.keptAt < this.maxAgeMs ? kept.value : undefined;
  }

  /** Keeps an answer read when `changesBefore` changes had been heard, unless one was heard since. */
  keep(key: string, changesBefore: number, value: T): void {
    if (!this.hearing || this.changes !== changesBefore) return;
    if (this.answers.size >= this.max) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, { value, keptAt: Date.now() });
  }

  forget(key: string): void {
    this.changes++;
    this.answers.delete(key);
  }

  forgetAll(): void {
    this.changes++;
    this.answers.clear();
  }

  /**
   * Listens on `channel`, passing each payload to `heard` (which forgets what it names); on a lost
   * connection forgets every answer and listens again after `retryMs`. Returns what stops it.
   */
  async hear(database: Database, channel: string, heard: (payload: string) => void, retryMs = 1000): Promise<() => Promise<void>> {
    let stop: (() => Promise<void>) | undefined;
    let stopped = false;
    let retry: NodeJS.Timeout | undefined;
    const lost = () => {
      this.hearing = false;
      this.forgetAll();
    };
    const start = async (): Promise<void> => {
      try {
        stop = await database.listen(channel, heard, () => {
          lost();
          if (!stopped) retry = setTimeout(start, retryMs).unref();
        });
        this.hearing = !stopped;
      } catch {
        lost();
        if (!stopped) retry = setTimeout(start, retryMs).unref();
      }
    };
    await start();
    return async () => {
      stopped = true;
      clearTimeout(retry);
      lost();
      await stop?.();
    };
  }
}
