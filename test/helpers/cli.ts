import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real `corridor` program, as an operator runs it: always on the embedded database of
 * the --data folder given, whatever engine the suite runs on (DATABASE_URL and the master
 * key of the test process are not passed on).
 */
export function corridor(args: string[], input?: string): Promise<CliRun> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CORRIDOR_MASTER_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/corridor.js', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
