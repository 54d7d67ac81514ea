// The generator's randomness: a seeded PRNG (mulberry32) whose stream for row i depends only on the seed and i, so
// any row can be generated on its own, in any order, and every machine gets the same demo from the same seed.

/** Mixes two 32-bit numbers into one (the murmur3 finaliser), so seeds 1 and 2 give unrelated streams. */
export function mix32(a: number, b: number): number {
  let h = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number, ...stream: number[]) {
    this.state = stream.reduce(mix32, mix32(seed >>> 0, 0x6a09e667));
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One of `items` with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  }

  /** `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
}

/**
 * A bijection of [0, size): distinct rows get distinct numbers, so identifiers that must be unique (plates, policy
 * and tax numbers) are unique by construction, without remembering the ones already given. Cycle-walks an
 * invertible scramble of the next power of two until the value falls inside the range.
 */
export function permute(index: number, size: number, key: number): number {
  if (index < 0 || index >= size) throw new RangeError(`permute: ${index} is outside [0, ${size})`);
  const bits = Math.max(2, Math.ceil(Math.log2(size)));
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const shift = bits >> 1;
  const mult = (mix32(key, 1) | 1) & mask; // odd, so multiplying is invertible modulo 2^bits
  let x = index;
  do {
    for (let round = 0; round < 3; round++) {
      x = (x ^ (x >>> shift)) & mask;
      x = Math.imul(x, mult) & mask;
      x = (x + (mix32(key, round + 2) & mask)) & mask;
    }
    x >>>= 0;
  } while (x >= size);
  return x;
}
