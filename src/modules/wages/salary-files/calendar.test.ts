import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dayNumber, inclusiveDays, parseCompactDate, parseHhmm, parseIsoDate } from './calendar.js';

describe('calendar', () => {
  it('accepts real dates only', () => {
    assert.equal(parseIsoDate('2025-05-31'), '2025-05-31');
    assert.equal(parseIsoDate('2024-02-29'), '2024-02-29');
    for (const bad of ['2025-05-32', '2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-5-1', '20250531', '0000-01-01', '2025-05-31 ']) {
      assert.equal(parseIsoDate(bad), undefined, bad);
    }
    assert.equal(parseIsoDate('2000-02-29'), '2000-02-29');
    assert.equal(parseCompactDate('20250601'), '2025-06-01');
    assert.equal(parseCompactDate('20250631'), undefined);
  });

  it('reads HHMM on a 24-hour clock', () => {
    assert.equal(parseHhmm('0930'), '09:30');
    assert.equal(parseHhmm('2359'), '23:59');
    for (const bad of ['2400', '0960', '930', '09:30', '']) assert.equal(parseHhmm(bad), undefined, bad);
  });

  it('counts days like the UTC calendar does', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        assert.equal(parseIsoDate(iso), iso);
        assert.equal(dayNumber(iso), Math.floor(d.getTime() / 86_400_000));
      }),
    );
  });

  it('counts both ends of a pay period', () => {
    assert.equal(inclusiveDays('2025-05-01', '2025-05-31'), 31);
    assert.equal(inclusiveDays('2024-02-01', '2024-02-29'), 29);
    assert.equal(inclusiveDays('2025-05-10', '2025-05-10'), 1);
  });
});
