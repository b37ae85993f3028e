/**
 * Exact decimal arithmetic on the strings SQL `numeric` gives us. Money and percentages are compared
 * and summed as scaled integers (bigint), never as JS floats: 0.1 + 0.2 must be 0.30, and a payment
 * plan that sums to 100000.00 must equal a contract of 100000.00 exactly.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The value in units of 10^-scale, rounded half away from zero like PostgreSQL's numeric.
 * Numbers are accepted for inputs that arrive as JSON numbers (a discount of 12.5); they are
 * rendered with fixed digits first so no binary fraction leaks in.
 */
export function toUnits(value: string | number, scale = 2): bigint {
  const text = typeof value === 'number' ? value.toFixed(Math.min(20, scale + 6)) : value.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new Error(`not a decimal number: ${text}`);
  const [, sign, whole, frac = ''] = m;
  const kept = BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
  const roundUp = frac.length > scale && frac[scale] >= '5';
  const units = roundUp ? kept + 1n : kept;
  return sign === '-' ? -units : units;
}

/** The decimal text of `units` at `scale`, as numeric prints it ("1200.50"). */
export function fromUnits(units: bigint, scale = 2): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareDecimal(a: string | number, b: string | number, scale = 2): -1 | 0 | 1 {
  const x = toUnits(a, scale);
  const y = toUnits(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sumDecimals(values: (string | number)[], scale = 2): string {
  return fromUnits(
    values.reduce<bigint>((sum, v) => sum + toUnits(v, scale), 0n),
    scale,
  );
}

/** a − b, exactly. */
export const subtractDecimal = (a: string | number, b: string | number, scale = 2) =>
  fromUnits(toUnits(a, scale) - toUnits(b, scale), scale);

/** Normalises to `scale` places ("12.5" → "12.50"), as the database would store it. */
export const normaliseDecimal = (value: string | number, scale = 2) => fromUnits(toUnits(value, scale), scale);
