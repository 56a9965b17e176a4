import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generatePassword, hashPassword, passwordProblems, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('a long enough passphrase');
    assert.match(hash, /^\$argon2id\$/);
    assert.equal(await verifyPassword(hash, 'a long enough passphrase'), true);
    assert.equal(await verifyPassword(hash, 'a long enough passphrasE'), false);
    assert.equal(await verifyPassword('not a hash', 'x'), false);
  });

  it('refuses short, email-like, repetitive and common passwords', () => {
    assert.match(passwordProblems('short')[0]!.message, /at least 12/);
    assert.equal(passwordProblems('ram@example.org', { email: 'Ram@Example.org' }).length, 1);
    assert.equal(passwordProblems('aaaaaaaaaaaaaa').length, 1);
    assert.equal(passwordProblems('abcdefghijklmn').length, 1);
    assert.equal(passwordProblems('Password1234').length, 1);
    assert.deepEqual(passwordProblems('Kathmandu to Dubai 2026'), []);
    assert.equal(passwordProblems('short', { pointer: '/new_password' })[0]!.pointer, '/new_password');
  });

  it('generates one-time passwords that pass its own rules and differ', () => {
    const a = generatePassword();
    assert.match(a, /^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    assert.deepEqual(passwordProblems(a), []);
    assert.notEqual(a, generatePassword());
  });
});
