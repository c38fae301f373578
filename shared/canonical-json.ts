// Canonical JSON for snapshot signatures, used by the device and the reference central server:
// object keys sorted by UTF-16 code units (as RFC 8785 does), no whitespace, numbers and strings as
// JSON.stringify writes them. The same value always gives the same bytes, whatever order its keys
// were built in.

/** Serialises `value` canonically; throws a TypeError naming the path of a value JSON cannot hold. */
export function canonicalJson(value: unknown, path = '$'): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);

  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot sign ${path}: the number ${value} has no JSON form.`);
    return JSON.stringify(value);
  }

  if (Array.isArray(value)) return `[${value.map((item, index) => canonicalJson(item ?? null, `${path}[${index}]`)).join(',')}]`;

  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, `${path}.${key}`)}`).join(',')}}`;
  }

  throw new TypeError(`Cannot sign ${path}: a ${typeof value} has no JSON form.`);
}
