/**
 * RFC 8785 for the plain JSON this module handles (strings, finite numbers,
 * booleans, null, arrays, objects). ECMAScript's JSON.stringify already writes
 * strings and numbers the way RFC 8785 requires; what it lacks is member order,
 * which RFC 8785 defines as UTF-16 code unit order, the default sort of strings.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('Non-finite numbers have no JSON form');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`${typeof value} has no JSON form`);
}
