import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CLI_ACTOR } from '../../../core/auth/actor.js';
import { AppError } from '../../../core/errors.js';
import { TEST_ENGINE, type TestDatabase, testDatabase } from '../../../../test/helpers/database.js';
import { createOrgCommand } from './orgs.js';
import { createTokenCommand, revokeTokenCommand } from './tokens.js';
import { createUserCommand } from './users.js';

describe('identity commands', () => {
  let database: TestDatabase;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());
  const ctx = () => ({ database, actor: CLI_ACTOR });

  it('orgs create, users create, tokens create and revoke print the documented JSON', async () => {
    const org = (await createOrgCommand(ctx(), { kind: 'wage_agent', name: 'Exchange House', country: 'are', externalId: 'RC-1' })).json as { id: string; country: string };
    assert.equal(org.country, 'ARE');
    const user = (await createUserCommand(ctx(), { email: 'ops@exchange.example', name: 'Ops', role: 'org_admin', organisation: org.id })).json as Record<string, unknown>;
    assert.deepEqual(Object.keys(user).sort(), ['email', 'id', 'one_time_password', 'organisation_id', 'role']);
    const given = (await createUserCommand(ctx(), { email: 'two@exchange.example', name: 'Two', role: 'org_staff', organisation: org.id, password: 'a long operator passphrase' })).json;
    assert.equal((given as Record<string, unknown>).one_time_password, undefined);
    const token = (await createTokenCommand(ctx(), { organisation: org.id, name: 'sif', scope: ['reference:read', 'corridors:read'], expires: '2999-01-01' })).json as { id: string; token: string; scopes: string[] };
    assert.match(token.token, /^cor_/);
    assert.deepEqual(token.scopes, ['reference:read', 'corridors:read']);
    const revoked = (await revokeTokenCommand(ctx(), token.id)).json as { id: string; revoked_at: string };
    assert.equal(revoked.id, token.id);
    assert.ok(revoked.revoked_at);
  });

  it('refuses bad input naming the option', async () => {
    await assert.rejects(createOrgCommand(ctx(), { kind: 'employer', name: 'X', country: 'QQQ' }), (err: AppError) => err.code === 'validation_failed' && err.problems[0]!.field === '--country');
    await assert.rejects(createUserCommand(ctx(), { email: 'nope', name: 'N', role: 'org_staff' }), (err: AppError) => err.problems[0]!.field === '--email');
    const org = (await createOrgCommand(ctx(), { kind: 'employer', name: 'Y', country: 'ARE' })).json as { id: string };
    await assert.rejects(createTokenCommand(ctx(), { organisation: org.id, name: 'n', scope: ['workers:register'] }), (err: AppError) => err.problems[0]!.field === '--scope');
  });

  it('works end to end through commander: --json, repeated --scope, --password-stdin, exit 1 on refusal', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-cli-'));
    const commands = fileURLToPath(new URL('../commands.ts', import.meta.url));
    const script = `import { Command } from 'commander';
      const { identityCommands } = await import(${JSON.stringify(commands)});
      const program = new Command('corridor').option('--data <dir>').exitOverride();
      identityCommands(program);
      await program.parseAsync(process.argv.slice(1), { from: 'user' });`;
    const env = { ...process.env };
    if (TEST_ENGINE === 'postgres') env.DATABASE_URL = database.url;
    else delete env.DATABASE_URL;
    const run = (args: string[], input = '') => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, '--', '--data', join(dir, 'data'), ...args], { env, input, encoding: 'utf8' });
      return { status: r.status, json: r.stdout.trim() ? JSON.parse(r.stdout.trim().split('\n').at(-1)!) : undefined, stderr: r.stderr };
    };
    try {
      const org = run(['orgs', 'create', '--kind', 'lender', '--name', 'Village Bank', '--country', 'NPL', '--json']);
      assert.equal(org.status, 0, org.stderr);
      const user = run(['users', 'create', '--email', 'loans@bank.example', '--name', 'Loans', '--role', 'org_staff', '--organisation', org.json.id, '--password-stdin', '--json'], 'a stdin operator passphrase\n');
      assert.equal(user.status, 0, user.stderr);
      assert.equal(user.json.one_time_password, undefined);
      const token = run(['tokens', 'create', '--organisation', org.json.id, '--name', 'n', '--scope', 'reference:read', '--scope', 'self:read', '--json']);
      assert.deepEqual(token.json.scopes, ['reference:read', 'self:read']);
      const refused = run(['orgs', 'create', '--kind', 'bank', '--name', 'B', '--country', 'NPL', '--json']);
      assert.equal(refused.status, 1);
      assert.equal(refused.json.error.code, 'validation_failed');
      assert.match(refused.stderr, /--kind/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
