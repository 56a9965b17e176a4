import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { corridor } from '../../../test/helpers/cli.js';

describe('corridor agencies (licences from the command line)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-agencies-'));
  const data = join(dir, 'data');
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('records a licence, suspends it with a reason, lists it with its history; bad input exits 1 naming the field', async () => {
    const org = await corridor(['--data', data, 'orgs', 'create', '--kind', 'recruitment_agency', '--name', 'Himalayan Manpower', '--country', 'NPL', '--json']);
    assert.equal(org.code, 0, org.stderr);
    const agencyId = JSON.parse(org.stdout).id as string;
    const issued = await corridor(['--data', data, 'agencies', 'licence', agencyId, '--number', 'DOFE-1', '--valid-from', '2026-01-01', '--valid-to', '2030-12-31', '--json']);
    assert.equal(issued.code, 0, issued.stderr);
    const licence = JSON.parse(issued.stdout);
    assert.equal(licence.status, 'active');
    const suspended = await corridor(['--data', data, 'agencies', 'licence-status', licence.id, '--status', 'suspended', '--reason', 'Fees charged to workers', '--json']);
    assert.equal(suspended.code, 0, suspended.stderr);
    const listed = await corridor(['--data', data, 'agencies', 'licences', '--agency', agencyId, '--json']);
    const [one] = JSON.parse(listed.stdout).licences;
    assert.equal(one.status, 'suspended');
    assert.deepEqual(one.history.map((h: { to_status: string; reason: string }) => [h.to_status, h.reason]), [['active', 'issued'], ['suspended', 'Fees charged to workers']]);
    const bad = await corridor(['--data', data, 'agencies', 'licence', agencyId, '--number', 'DOFE-2', '--valid-from', '2026-01-01', '--valid-to', 'soon', '--json']);
    assert.equal(bad.code, 1);
    assert.equal(JSON.parse(bad.stdout).error.errors[0].pointer, '/valid_to');
  });
});
