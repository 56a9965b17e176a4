// Run by `npm install` (the `prepare` script): builds the web application into web/dist so that
// `npm start` serves it. Building takes about a second. Without the dev dependencies (a
// production install) the committed sources cannot be built here; the server then serves the API only.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const vite = new URL('../node_modules/vite/bin/vite.js', import.meta.url);
if (!existsSync(vite)) {
  console.warn('corridor: vite is not installed (dev dependencies omitted): the web application is not built');
  process.exit(0);
}
const config = new URL('../web/vite.config.ts', import.meta.url).pathname;
const result = spawnSync(process.execPath, [vite.pathname, 'build', '--config', config, '--logLevel', 'warn'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// Compressed twins of every text file, made once here rather than on each request:
// the server sends them (@fastify/static preCompressed) to browsers that accept them.
const dist = new URL('../web/dist/', import.meta.url);
for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css|html|svg|json)$/.test(entry.name)) continue;
  const file = `${entry.parentPath}/${entry.name}`;
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(`${file}.br`, brotliCompressSync(bytes));
}
