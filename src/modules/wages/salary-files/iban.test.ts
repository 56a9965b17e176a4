import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ibanCheckDigits, ibanChecksumValid } from './iban.js';

describe('IBAN mod-97', () => {
  it('accepts published examples and the sample IBANs', () => {
    for (const iban of ['GB82WEST12345698765432', 'AE070331234567890123456', 'AE879990000000000000001', 'QA10TEST000000000000000000000']) {
      assert.ok(ibanChecksumValid(iban), iban);
    }
  });

  it('refuses wrong check digits, lower case and a bare prefix', () => {
    assert.equal(ibanChecksumValid('AE880331234567890123456'), false);
    assert.equal(ibanChecksumValid('ae070331234567890123456'), false);
    assert.equal(ibanChecksumValid('AE07'), false);
  });

  it('detects every change of a single digit in the account part', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 19, maxLength: 19 }), fc.nat(18), fc.integer({ min: 1, max: 9 }), (bban, at, shift) => {
        const iban = `AE${ibanCheckDigits('AE', bban)}${bban}`;
        assert.ok(ibanChecksumValid(iban));
        const changed = bban.slice(0, at) + String((Number(bban[at]) + shift) % 10) + bban.slice(at + 1);
        assert.equal(ibanChecksumValid(`AE${iban.slice(2, 4)}${changed}`), false);
      }),
    );
  });
});
