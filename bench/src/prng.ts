/**
 * Deterministic randomness for the data generator: the same seed gives the same numbers, ids and rows
 * on every machine. sfc32 (a small, fast, well-tested generator) seeded through splitmix32.
 */
import { Rng } from '../../apps/server/src/demo/random.ts';

/** The same sfc32 generator as the demo organisation's (one implementation). */
export { Rng };

/** Weighted choice over fixed weights in O(log n): cumulative sums and a binary search. */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i];
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  pick(rng: Rng): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUIDv7 made deterministically: 48 bits of milliseconds, version 7, 12 random bits, the RFC 4122 variant,
 * then a 30-bit sequence number (unique within one generator run) and 32 random bits. Same inputs, same id;
 * ids of one table never collide; they sort by time like the app's own `newId()`.
 */
export function uuidv7At(ms: number, seq: number, rng: Rng): string {
  const hi = Math.floor(ms / 0x10000); // top 32 of the 48 time bits
  const lo = ms % 0x10000; // bottom 16
  const ra = rng.u32() & 0xfff;
  const r2 = rng.u32();
  const b = [
    (hi >>> 24) & 0xff,
    (hi >>> 16) & 0xff,
    (hi >>> 8) & 0xff,
    hi & 0xff,
    (lo >>> 8) & 0xff,
    lo & 0xff,
    0x70 | (ra >>> 8),
    ra & 0xff,
    0x80 | ((seq >>> 24) & 0x3f),
    (seq >>> 16) & 0xff,
    (seq >>> 8) & 0xff,
    seq & 0xff,
    (r2 >>> 24) & 0xff,
    (r2 >>> 16) & 0xff,
    (r2 >>> 8) & 0xff,
    r2 & 0xff,
  ];
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}
