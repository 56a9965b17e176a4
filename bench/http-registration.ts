/**
 * Interactive registration and verification over HTTP, measured with autocannon against a
 * real `corridor start` in its own process (issue 4):
 *   - accept -> approve -> register per contract (signatures and log append included):
 *     target >= 300 contracts/s, p99 < 250 ms;
 *   - GET /api/v1/verify/:contract_no: target >= 3,000 requests/s, p99 < 20 ms.
 * Embedded database by default (a fresh temp folder); DATABASE_URL for a server.
 *   npm run bench:http-registration -- --contracts 6000 --connections 32
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { CLI_ACTOR } from '../src/core/auth/actor.js';
import { openDatabase } from '../src/core/db/database.js';
import { applyRules } from '../src/modules/corridors/apply-rules.js';
import { newApiToken } from '../src/modules/identity/api-token-secret.js';
import { validTermsInput } from '../src/modules/contracts/test-terms.js';

const { values } = parseArgs({
  options: {
    contracts: { type: 'string', default: '6000' },
    connections: { type: 'string', default: '32' },
    'verify-seconds': { type: 'string', default: '15' },
    'verify-warmup-seconds': { type: 'string', default: '5' },
    port: { type: 'string', default: '3917' },
    // Server processes (`corridor start --workers`); default: the server's own (one per core on PostgreSQL, 1 on PGlite).
    workers: { type: 'string' },
  },
});
const N = Number(values.contracts);
const CONNECTIONS = Number(values.connections);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const url = process.env.DATABASE_URL || undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'corridor-bench-http-'));
const engine = url ? 'postgres' : 'pglite';
// A server database signs only with CORRIDOR_MASTER_KEY set (the embedded one keeps a key file). A fixed bench key,
// not a random one per run: keys sealed by an earlier run on the same throwaway server must still open.
const masterKey = process.env.CORRIDOR_MASTER_KEY || (url ? createHash('sha256').update('corridor http bench').digest('base64url') : '');

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function seed() {
  const database = await openDatabase(url ? { url } : { dataDir });
  const db = database.db;
  await applyRules(db, CLI_ACTOR, JSON.parse(readFileSync(new URL('../docs/examples/corridor-npl-are.json', import.meta.url), 'utf8')));
  const org = async (kind: string, country: string) =>
    (await sql<{ id: string }>`INSERT INTO organisations (kind, name, country) VALUES (${kind}, ${'Bench ' + kind + ' ' + randomBytes(3).toString('hex')}, ${country}) RETURNING id`.execute(db)).rows[0]!.id;
  const token = async (organisationId: string, scopes: string[]) => {
    const t = newApiToken();
    await db.insertInto('api_tokens').values({ prefix: t.prefix, secret_hash: t.secretHash, name: 'bench', organisation_id: organisationId, created_by: null, scopes }).execute();
    return t.token;
  };
  const employer = await org('employer', 'ARE');
  const origin = await org('origin_authority', 'NPL');
  const destination = await org('destination_authority', 'ARE');
  const tokens = {
    employer: await token(employer, ['contracts:read', 'contracts:draft']),
    origin: await token(origin, ['contracts:read', 'contracts:approve']),
    destination: await token(destination, ['contracts:read', 'contracts:register']),
  };
  // Workers, their accounts and signed-in sessions in three statements; cookies are bench-<n>.
  const suffix = randomBytes(4).toString('hex');
  await sql`INSERT INTO workers (full_name, sex, birth_date, nationality, passport_no, person_id)
    SELECT 'Bench Worker ' || g, 'F', DATE '1995-01-01', 'NPL', 'PB' || ${suffix} || g, NULL FROM generate_series(1, ${N}) g`.execute(db);
  await sql`INSERT INTO users (email, display_name, role, worker_id, password_hash)
    SELECT 'bench-' || ${suffix} || '-' || w.n || '@bench.test', w.full_name, 'worker', w.id, 'not-a-password'
    FROM (SELECT id, full_name, substring(full_name from 14)::int AS n FROM workers WHERE passport_no LIKE ${'PB' + suffix + '%'}) w`.execute(db);
  const workers = (
    await sql<{ user_id: string; worker_id: string; n: number }>`SELECT u.id AS user_id, u.worker_id, substring(w.full_name from 14)::int AS n
      FROM users u JOIN workers w ON w.id = u.worker_id WHERE u.email LIKE ${'bench-' + suffix + '-%'} ORDER BY n`.execute(db)
  ).rows;
  const sessions = workers.map((w) => ({ cookie: `bench-${suffix}-${w.n}-${randomBytes(8).toString('hex')}`, csrf: randomBytes(16).toString('hex'), ...w }));
  for (let i = 0; i < sessions.length; i += 1000) {
    await db
      .insertInto('sessions')
      .values(sessions.slice(i, i + 1000).map((s) => ({ id_hash: sha256(s.cookie), user_id: s.user_id, csrf_token: s.csrf, expires_at: new Date(Date.now() + 86_400_000) })))
      .execute();
  }
  await database.close();
  return { employer, tokens, sessions };
}

/**
 * CPU seconds (user + system) used so far by a process and all its descendants, from /proc (Linux):
 * its own, its reaped children's (cutime, cstime: a PostgreSQL backend that ended meanwhile still
 * counts), and its live children's.
 */
function treeCpuSeconds(pid: number): number {
  const tick = 100; // USER_HZ
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const own = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
    return own + childrenOf(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
  } catch {
    return 0; // ended meanwhile: its parent counts it once reaped
  }
}

let serverPid = 0;
/** The server (the started process and its cluster workers), PostgreSQL's server, and this process (the load generator), in CPU seconds. */
function cpuNow() {
  const self = process.cpuUsage();
  return {
    server: serverPid ? treeCpuSeconds(serverPid) : 0,
    postgres: postgresPid() ? treeCpuSeconds(postgresPid()!) : 0,
    loadGenerator: (self.user + self.system) / 1e6,
  };
}
/** The PostgreSQL server of DATABASE_URL (its postmaster, found by the port on its command line), not other servers on the machine. */
let postmaster: number | undefined;
function postgresPid(): number | undefined {
  if (!url || postmaster) return postmaster;
  const port = new URL(url).port || '5432';
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv[0]?.endsWith('postgres') && argv.some((a, i) => (a === '-p' && argv[i + 1] === port) || a === `-p${port}`)) return (postmaster = Number(entry));
    } catch {
      // gone
    }
  }
  return undefined;
}
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
/** Cores used on average, and CPU milliseconds per operation: the latter holds up better than throughput on a shared machine. */
function cpuShares(before: ReturnType<typeof cpuNow>, after: ReturnType<typeof cpuNow>, seconds: number, operations: number) {
  const share = (k: keyof typeof before) => Number(((after[k] - before[k]) / seconds).toFixed(2));
  const perOp = (k: keyof typeof before) => Number((((after[k] - before[k]) * 1000) / operations).toFixed(2));
  return {
    server_cores: share('server'),
    postgres_cores: share('postgres'),
    load_generator_cores: share('loadGenerator'),
    server_cpu_ms_per_op: perOp('server'),
    postgres_cpu_ms_per_op: perOp('postgres'),
    load_generator_cpu_ms_per_op: perOp('loadGenerator'),
  };
}

async function startServer(): Promise<() => void> {
  const child = spawn(process.execPath, [...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []), 'bin/corridor.js', '--data', dataDir, 'start', '--port', String(PORT), ...(values.workers ? ['--workers', values.workers] : [])], {
    env: { ...process.env, LOG_LEVEL: 'warn', CORRIDOR_ADMIN_PASSWORD: 'bench-admin-password-1', CORRIDOR_MASTER_KEY: masterKey },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) {
        // Give the workers of a cluster time to listen as well.
        await new Promise((r) => setTimeout(r, 2000));
        serverPid = child.pid!;
        return () => child.kill('SIGTERM');
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not start');
}

async function pool<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function call(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(BASE + path, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, any>>;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

const seeded = await seed();
const stop = await startServer();
try {
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  type Offer = { id: string; contract_no: string; digest: string; cookie: string; csrf: string };
  const offers: Offer[] = [];
  const setupStart = Date.now();
  await pool(seeded.sessions, 16, async (s) => {
    const terms = validTermsInput({ employer_id: seeded.employer, worker_id: s.worker_id });
    const draft = await call('POST', '/api/v1/contracts', bearer(seeded.tokens.employer), { terms });
    await call('POST', `/api/v1/contracts/${draft.id}/offer`, bearer(seeded.tokens.employer), {});
    const viewed = await call('GET', `/api/v1/contracts/${draft.id}?lang=ne`, { cookie: `corridor_session=${s.cookie}` });
    const version = (viewed.versions as { state: string; terms_digest: string }[]).find((v) => v.state === 'offered')!;
    offers.push({ id: draft.id, contract_no: draft.contract_no, digest: version.terms_digest, cookie: s.cookie, csrf: s.csrf });
  });
  console.error(`set up ${offers.length} offered contracts in ${((Date.now() - setupStart) / 1000).toFixed(1)} s`);

  // Each connection takes the next contract and walks it through accept, approve, register.
  let taken = 0;
  const cpuBeforeRegistration = cpuNow();
  const steps = ['accept', 'approve', 'register'] as const;
  const registrationStart = performance.now();
  const registration = await autocannon({
    url: BASE,
    connections: CONNECTIONS,
    amount: offers.length * steps.length,
    requests: steps.map((step) => ({
      method: 'POST' as const,
      setupRequest: (req: any, context: any) => {
        if (step === 'accept') context.offer = offers[taken++ % offers.length];
        const offer: Offer = context.offer;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (step === 'accept') Object.assign(headers, { cookie: `corridor_session=${offer.cookie}`, 'x-csrf-token': offer.csrf });
        else Object.assign(headers, bearer(step === 'approve' ? seeded.tokens.origin : seeded.tokens.destination));
        return { ...req, path: `/api/v1/contracts/${offer.id}/${step}`, headers, body: JSON.stringify(step === 'accept' ? { terms_digest: offer.digest, language: 'ne' } : {}) };
      },
    })),
  });
  // Our own clock: autocannon's duration is in whole seconds, a 5% error over 20 s.
  const seconds = Number(((performance.now() - registrationStart) / 1000).toFixed(2));
  const registeredPerSecond = offers.length / seconds;
  const registrationCpu = cpuShares(cpuBeforeRegistration, cpuNow(), seconds, offers.length);
  const lookups = [{ method: 'GET' as const, setupRequest: (req: any) => ({ ...req, path: `/api/v1/verify/${offers[Math.floor(Math.random() * offers.length)]!.contract_no}` }) }];
  // Measured after a warm-up, as on a server that has been up: its first lookup of each contract reads
  // the database, later ones are answered from what it keeps until the contract changes (verification-cache.ts).
  const warmup = await autocannon({ url: BASE, connections: CONNECTIONS, duration: Number(values['verify-warmup-seconds']), requests: lookups });
  console.error(`verification warm-up: ${warmup.requests.average} req/s, p50 ${ms(warmup.latency.p50)}, p99 ${ms(warmup.latency.p99)}`);
  const cpuBeforeVerification = cpuNow();
  const verificationStart = Date.now();
  const verification = await autocannon({ url: BASE, connections: CONNECTIONS, duration: Number(values['verify-seconds']), requests: lookups });

  const verificationCpu = cpuShares(cpuBeforeVerification, cpuNow(), (Date.now() - verificationStart) / 1000, verification.requests.total);

  const figures = {
    engine,
    contracts: offers.length,
    connections: CONNECTIONS,
    server_processes: 1 + childrenOf(serverPid).length,
    registration: {
      requests: registration.requests.total,
      non_2xx: registration.non2xx,
      errors: registration.errors,
      seconds,
      contracts_per_second: Number(registeredPerSecond.toFixed(1)),
      p50_ms: registration.latency.p50,
      p99_ms: registration.latency.p99,
      target: '>= 300 contracts/s, p99 < 250 ms',
      met: registeredPerSecond >= 300 && registration.latency.p99 < 250 && registration.non2xx === 0,
      cpu: registrationCpu,
    },
    verification: {
      warmup: { seconds: Number(values['verify-warmup-seconds']), requests_per_second: warmup.requests.average, p50_ms: warmup.latency.p50, p99_ms: warmup.latency.p99 },
      requests_per_second: verification.requests.average,
      non_2xx: verification.non2xx,
      p50_ms: verification.latency.p50,
      p99_ms: verification.latency.p99,
      target: '>= 3000 requests/s, p99 < 20 ms',
      met: verification.requests.average >= 3000 && verification.latency.p99 < 20 && verification.non2xx === 0,
      cpu: verificationCpu,
    },
  };
  console.log(JSON.stringify(figures, null, 2));
  console.error(`registration: ${figures.registration.contracts_per_second} contracts/s, p50 ${ms(figures.registration.p50_ms)}, p99 ${ms(figures.registration.p99_ms)}`);
  console.error(`verification: ${figures.verification.requests_per_second} req/s, p50 ${ms(figures.verification.p50_ms)}, p99 ${ms(figures.verification.p99_ms)}`);
} finally {
  stop();
}
