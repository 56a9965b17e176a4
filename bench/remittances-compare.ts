/**
 * The worker's comparison under load (issue 8): a corridor with 200 current services, a real
 * `corridor start` in its own process, autocannon at a fixed 1,000 requests/s (target p99 under
 * 30 ms), then unthrottled to show the ceiling. Embedded database by default; DATABASE_URL for a server.
 *   npm run bench:remittances-compare -- [--services 200] [--rate 1000] [--seconds 15]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { openDatabase } from '../src/core/db/database.js';
import { loadRates } from '../src/modules/remittances/rates.js';
import { putCorridor } from '../src/modules/remittances/settings.js';

const { values } = parseArgs({
  options: {
    services: { type: 'string', default: '200' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '16' },
    port: { type: 'string', default: '3918' },
  },
});
const SERVICES = Number(values.services);
const BASE = `http://127.0.0.1:${values.port}`;
const url = process.env.DATABASE_URL || undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'corridor-bench-remit-'));
const [FROM, TO] = ['ARE', 'PHL'];

async function seed() {
  const database = await openDatabase(url ? { url } : { dataDir });
  const db = database.db;
  await putCorridor(db, CLI_ACTOR, FROM, TO, { send_currency: 'AED', receive_currency: 'PHP', stale_after_days: 90 });
  const today = new Date().toISOString().slice(0, 10);
  await loadRates(db, CLI_ACTOR, [{ base_currency: 'AED', quote_currency: 'PHP', rate: '15.2', effective_on: today, source: 'bench' }]);
  const existing = await db.selectFrom('remittance_quotes').select('id').where('source_country', '=', FROM).where('destination_country', '=', TO).limit(1).execute();
  if (existing.length === 0) {
    const providers: string[] = [];
    for (let p = 0; p < Math.ceil(SERVICES / 5); p++)
      providers.push((await db.insertInto('organisations').values({ kind: 'remittance_provider', name: `Bench Provider ${p}`, country: FROM }).returning('id').executeTakeFirstOrThrow()).id);
    const pickups = ['Cash pick-up', 'Account', 'Mobile wallet'];
    const speeds = ['Less than one hour', 'Same day', 'Next day', '2 days', '3-5 days', '6 days or more'];
    await db.insertInto('remittance_quotes').values(
      Array.from({ length: SERVICES }, (_, i) => ({
        service_key: `provider|${providers[Math.floor(i / 5)]}|bench ${i}`, source: 'provider' as const, provider_id: providers[Math.floor(i / 5)]!,
        period: '2026_4Q', source_country: FROM, destination_country: TO, firm: `Bench Provider ${Math.floor(i / 5)}`, firm_type: 'Money Transfer Operator',
        product: `Product ${i % 5}`, payment_instrument: 'Cash', access_point: 'Branch', pickup_method: pickups[i % 3]!, speed: speeds[i % 6]!,
        transparent: i % 20 !== 0, send_currency: 'AED', receive_currency: 'PHP', amount_200_minor: 73450, fee_200_minor: (i * 37) % 3000,
        rate_200: (15.2 * (1 - ((i * 7) % 50) / 1000)).toFixed(4), amount_500_minor: 183625, fee_500_minor: (i * 53) % 4000,
        rate_500: (15.2 * (1 - ((i * 11) % 40) / 1000)).toFixed(4), reference_rate: '15.2', observed_at: new Date(Date.now() - (i % 30) * 86_400_000),
      })),
    ).execute();
  }
  await database.close();
}

async function startServer(): Promise<() => void> {
  const child = spawn(process.execPath, ['bin/corridor.js', '--data', dataDir, 'start', '--port', values.port!], {
    env: { ...process.env, LOG_LEVEL: 'warn', CORRIDOR_ADMIN_PASSWORD: 'bench-admin-password-1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) return () => child.kill('SIGTERM');
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not start');
}

const amounts = ['500', '1000', '1500', '734.5', '250', '2000'];
const requests = amounts.map((a) => ({ method: 'GET' as const, path: `/api/v1/remittances/compare?from=${FROM}&to=${TO}&amount=${a}&currency=AED` }));

async function load(rate?: number) {
  const r = await autocannon({
    url: BASE, connections: Number(values.connections), duration: Number(values.seconds), requests, ...(rate ? { overallRate: rate } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, non2xx: r.non2xx + r.errors };
}

await seed();
const stop = await startServer();
try {
  const sample = (await (await fetch(BASE + requests[0]!.path)).json()) as { services: unknown[]; left_out: unknown[] };
  console.error(`${url ? 'postgres' : 'pglite'}: ${sample.services.length} ranked, ${sample.left_out.length} left out; uptime load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await load(200); // warm-up
  const fixed = await load(Number(values.rate));
  const open = await load();
  const out = { engine: url ? 'postgres' : 'pglite', services: SERVICES, fixed_rate: Number(values.rate), fixed, unthrottled: open };
  console.log(JSON.stringify(out));
  console.error(`at ${values.rate} req/s: ${fixed.rps} req/s, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms (target < 30 ms), errors ${fixed.non2xx}`);
  console.error(`unthrottled: ${open.rps} req/s, p50 ${open.p50} ms, p99 ${open.p99} ms`);
} finally {
  stop();
}
