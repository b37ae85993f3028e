import fc from 'fast-check';

/**
 * Tierline's own converter from the JSON schemas of its OpenAPI document (request bodies, query and
 * path parameters) to fast-check arbitraries, in three modes:
 * - `valid`: what the schema allows — types, enums, formats (uuid, date, date-time, email, uri),
 *   patterns, lengths and ranges; uuids are often real ids so writes get past "not found";
 * - `boundary`: still allowed, but at the edges — strings exactly at min/max length, numbers at
 *   min/max, arrays empty or full, objects with only the required fields or with all of them;
 * - `invalid`: hostile — wrong types, oversized strings and arrays, null bytes, emoji and RTL text,
 *   SQL and spreadsheet-formula payloads, unknown fields, null; one field at a time inside an
 *   otherwise valid body, so the request reaches deeper than the first check.
 * It covers the keywords the document uses (the fuzz test fails on a keyword it does not know).
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};
export type Mode = 'valid' | 'boundary' | 'invalid';
/** Real ids of the seeded organisation, used for some uuid fields. */
export type Pools = { ids: readonly string[] };

const KNOWN = new Set(['type', 'properties', 'required', 'items', 'anyOf', 'oneOf', 'enum', 'format', 'pattern']);
for (const k of ['minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'default']) KNOWN.add(k);
/** Keywords this converter does not understand; the fuzz test requires none. */
export function unknownKeywords(s: JsonSchema): string[] {
  const own = Object.keys(s).filter((k) => !KNOWN.has(k));
  const kids = [...Object.values(s.properties ?? {}), ...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.items ? [s.items] : [])];
  return [...own, ...kids.flatMap(unknownKeywords)];
}

export const SQL_PAYLOADS = [
  "'; drop table customers;--",
  "' or '1'='1",
  '1; select pg_sleep(5)',
  "x') union select password_hash from users--",
  '$1',
  '%',
  '_',
  '\\',
];
export const FORMULA_PAYLOADS = ['=HYPERLINK("http://evil.test","click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '=1+1'];
export const UNICODE_PAYLOADS = [
  '客户👩‍👩‍👧‍👦🚀',
  '\u202Eevil.exe\u202C',
  'مرحبا بالعالم',
  'null\u0000byte',
  '\u0000',
  '\uD800',
  'e\u0301',
  '\uFEFF\u200B',
];
const PAYLOADS = [...SQL_PAYLOADS, ...FORMULA_PAYLOADS, ...UNICODE_PAYLOADS, '', ' ', '<script>alert(1)</script>', '../../etc/passwd'];
const NOT_UUIDS = ['not-a-uuid', '1', "1' or '1'='1", 'null', '00000000-0000-0000-0000-00000000000g', `${'a'.repeat(36)}`, '\u0000'];
const URI_HOSTS = [
  'https://93.184.215.14',
  'https://[2606:4700:4700::1111]',
  'http://127.0.0.1:5432',
  'https://169.254.169.254',
  'ftp://8.8.8.8',
];
const WRONG_TYPES: unknown[] = [null, true, 0, -1, 1.5, 'x', [], {}, [null], { $gt: '' }];

const dateArb = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true });
const uuidArb = (p: Pools) => (p.ids.length ? fc.oneof(fc.constantFrom(...p.ids), fc.uuid({ version: 7 })) : fc.uuid({ version: 7 }));
const emailArb = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/), fc.constantFrom('example.test', 'acme.test', 'xn--fiqs8s.test'))
  .map(([u, d]) => `${u}@${d}`);
const withinLength = (s: JsonSchema) => (v: string) => v.length >= (s.minLength ?? 0) && v.length <= (s.maxLength ?? Infinity);
const typesOf = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/** A string the schema's format or pattern demands, or undefined when it demands none. */
function formattedString(s: JsonSchema, p: Pools): fc.Arbitrary<string> | undefined {
  if (s.format === 'uuid') return uuidArb(p);
  if (s.format === 'date') return dateArb.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return dateArb.map((d) => d.toISOString());
  if (s.format === 'email') return emailArb;
  // IP-literal hosts: the webhook guard resolves names, and a test should not depend on DNS.
  if (s.format === 'uri') return fc.tuple(fc.constantFrom(...URI_HOSTS), fc.webPath()).map(([h, path]) => `${h}${path}`);
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter(withinLength(s));
  return undefined;
}

function validArb(s: JsonSchema, p: Pools): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf ?? []).map((x) => validArb(x, p)));
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => validArb({ ...s, type }, p)));
  switch (types[0]) {
    case 'string':
      return (
        formattedString(s, p) ?? fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, (s.minLength ?? 0) + 40) })
      );
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
    case 'number':
      return fc.oneof(
        fc.integer({ min: Math.ceil(s.minimum ?? -1_000_000), max: Math.floor(s.maximum ?? 1_000_000) }),
        fc.double({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000, noNaN: true, noDefaultInfinity: true }),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArb(s.items ?? {}, p), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? 4, (s.minItems ?? 0) + 4),
      });
    case 'object':
      return objectArb(s, (x) => validArb(x, p), 'some');
    default:
      return fc.jsonValue();
  }
}

function objectArb(s: JsonSchema, of: (x: JsonSchema) => fc.Arbitrary<unknown>, keys: 'some' | 'required' | 'all') {
  const props = s.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, of(v)]));
  const requiredKeys = keys === 'all' ? Object.keys(props) : (s.required ?? []);
  if (keys === 'required') return fc.record(Object.fromEntries(requiredKeys.map((k) => [k, model[k] as fc.Arbitrary<unknown>])));
  return fc.record(model, { requiredKeys });
}

function boundaryArb(s: JsonSchema, p: Pools, nested = false): fc.Arbitrary<unknown> {
  const at = <T>(...xs: T[]) => fc.constantFrom(...xs.filter((x) => x !== undefined));
  if (s.enum) return at(s.enum[0], s.enum.at(-1));
  if (s.anyOf || s.oneOf) return fc.oneof(...(s.anyOf ?? s.oneOf ?? []).map((x) => boundaryArb(x, p, nested)));
  const types = typesOf(s);
  if (types.length > 1) return fc.oneof(...types.map((type) => boundaryArb({ ...s, type }, p, nested)));
  switch (types[0]) {
    case 'string': {
      if (s.format === 'date') return at('1900-01-01', '2000-02-29', '2099-12-31', '9999-12-31', '0001-01-01');
      if (s.format === 'date-time') return at('1970-01-01T00:00:00Z', '2038-01-19T03:14:08Z', '9999-12-31T23:59:59.999+14:00');
      if (s.format === 'uuid')
        return at('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', ...p.ids.slice(0, 3));
      const formatted = formattedString(s, p);
      if (formatted) return formatted;
      return at(s.minLength ?? 0, s.maxLength ?? 1000).chain((n) =>
        fc.oneof(fc.constant('x'.repeat(n)), fc.string({ minLength: n, maxLength: n })),
      );
    }
    case 'integer':
    case 'number':
      return at(s.minimum ?? -(2 ** 31), s.maximum ?? 2 ** 31 - 1, s.minimum === undefined ? Number.MIN_SAFE_INTEGER : undefined, 0).filter(
        (n) => n >= (s.minimum ?? -Infinity) && n <= (s.maximum ?? Infinity),
      );
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      // Full at the top level; inside an array, a few (1000 records × 500 lines is not a boundary, it is a bomb).
      const item = boundaryArb(s.items ?? {}, p, true);
      const full = nested ? Math.min(s.maxItems ?? 3, 3) : (s.maxItems ?? 200);
      return at(s.minItems ?? 0, full).chain((n) =>
        n <= 20 ? fc.array(item, { minLength: n, maxLength: n }) : item.map((x) => Array.from({ length: n }, () => x)),
      );
    }
    case 'object':
      return fc.oneof(
        objectArb(s, (x) => boundaryArb(x, p, nested), 'required'),
        objectArb(s, (x) => boundaryArb(x, p, nested), 'all'),
      );
    default:
      return fc.jsonValue();
  }
}

/** A value of the wrong kind for `s`: wrong type, too long, too many, out of range, or a payload. */
function hostileLeaf(s: JsonSchema, p: Pools): fc.Arbitrary<unknown> {
  const types = s.enum ? ['enum'] : s.anyOf || s.oneOf ? ['union'] : typesOf(s);
  const huge = (n: number) => fc.constantFrom('x'.repeat(n), '界'.repeat(n), '\u0000'.repeat(n));
  const common = fc.oneof(fc.constantFrom(...WRONG_TYPES), fc.constantFrom(...PAYLOADS));
  const specific: fc.Arbitrary<unknown>[] = [];
  if (types.includes('enum')) specific.push(fc.constantFrom('not-an-enum', String(s.enum?.[0]).toUpperCase(), ` ${s.enum?.[0]}`));
  if (types.includes('string')) {
    if (s.format === 'uuid')
      specific.push(
        fc.constantFrom(...NOT_UUIDS),
        fc.uuid({ version: 4 }).map((u) => u.toUpperCase()),
      );
    if (s.format === 'date' || s.format === 'date-time')
      specific.push(fc.constantFrom('2026-02-30', '0000-01-01', '2026-13-01', 'yesterday', '1e10'));
    specific.push(huge((s.maxLength ?? 1000) + 1), huge(100_000));
  }
  if (types.includes('integer') || types.includes('number')) {
    const lo = s.minimum ?? -(2 ** 53);
    const hi = s.maximum ?? 2 ** 53;
    specific.push(fc.constantFrom(lo - 1, hi + 1, 0.5, 1e308, -1e308, 2 ** 63, '12', 'NaN', 'Infinity'));
  }
  if (types.includes('array')) {
    const one = validArb(s.items ?? {}, p);
    specific.push(
      fc.array(hostileArb(s.items ?? {}, p), { minLength: 1, maxLength: 3 }),
      one.map((x) => Array.from({ length: (s.maxItems ?? 1000) + 1 }, () => x)),
      fc.constant(Array.from({ length: 20_000 }, () => null)),
    );
  }
  if (types.includes('union')) specific.push(fc.oneof(...(s.anyOf ?? s.oneOf ?? []).map((x) => hostileArb(x, p))));
  return specific.length ? fc.oneof(common, ...specific) : common;
}

/** A valid object with one field made hostile, with unknown fields, or not an object at all. */
function hostileArb(s: JsonSchema, p: Pools): fc.Arbitrary<unknown> {
  if (typesOf(s)[0] !== 'object' || !s.properties || !Object.keys(s.properties).length) return hostileLeaf(s, p);
  const props = s.properties;
  const oneField = fc
    .tuple(validArb(s, p) as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...Object.keys(props)))
    .chain(([base, key]) => hostileArb(props[key] as JsonSchema, p).map((bad) => ({ ...base, [key]: bad })));
  const extraFields = (validArb(s, p) as fc.Arbitrary<Record<string, unknown>>).map((base) => ({
    ...base,
    orgId: '00000000-0000-0000-0000-000000000000',
    id: 'x',
    isAdmin: true,
    'x; drop table users': 1,
    ['__proto__']: { polluted: true },
  }));
  const withoutRequired = fc.constant({});
  return fc.oneof({ weight: 6, arbitrary: oneField }, extraFields, withoutRequired, fc.constantFrom(...WRONG_TYPES));
}

/** The arbitrary of a schema in a mode. */
export function arbitraryOf(schema: JsonSchema, mode: Mode, pools: Pools): fc.Arbitrary<unknown> {
  if (mode === 'valid') return validArb(schema, pools);
  if (mode === 'boundary') return boundaryArb(schema, pools);
  return hostileArb(schema, pools);
}

/** Odd values for the list parameters every list shares, beside the generic hostile strings. */
export const ODD_LIST_PARAMS: Record<string, readonly string[]> = {
  sort: ['', '-', '--name', 'name,-name', 'passwordHash', '-id;drop table users', 'name desc', ' name', '+name', 'NAME'],
  order: ['asc;--', 'DESC', 'sideways', ''],
  cursor: [
    'not-a-cursor',
    '',
    '=',
    'eyJpZCI6IngnIG9yIDE9MSJ9',
    'eyJ2IjpbXX0',
    Buffer.from('{"k":[null,1e999]}').toString('base64url'),
    '%00',
    'a'.repeat(501),
  ],
  limit: ['0', '-1', '201', '1e3', '1.5', 'NaN', '999999999999999999999', '', '0x10', ' 5'],
};

/** The query or path value of a parameter, as the string a URL carries. */
export function parameterArb(name: string, schema: JsonSchema, mode: Mode, pools: Pools): fc.Arbitrary<string> {
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const fromSchema = arbitraryOf(schema, mode, pools).map(asText);
  if (mode !== 'invalid') return fromSchema;
  const odd = ODD_LIST_PARAMS[name];
  return fc.oneof(fromSchema, fc.constantFrom(...PAYLOADS, ...NOT_UUIDS, 'a'.repeat(5000)), ...(odd ? [fc.constantFrom(...odd)] : []));
}
