// Random numbers the risk view can repeat: the same seed gives the same
// stream on any machine and in any browser, which Math.random never promises.
//
// The generator is Mulberry32, by Tommy Ettinger (2017, dedicated to the
// public domain under CC0): a 32-bit state advanced by a Weyl sequence
// (adding 0x6D2B79F5) and mixed by multiplications and xor-shifts into one
// 32-bit output. Its period is 2^32, far more than the 700,000 numbers
// 100,000 runs of 7 assumptions use; its author reports it passing the gjrand
// and PractRand test batteries. Every step is integer arithmetic (Math.imul,
// >>>), so the output does not depend on a machine's floating point.
// Reference:
// https://gist.github.com/tommyettinger/46a874533244883189143505d203312c
// (docs/RULES.md, "Uncertainty").

/** A function giving numbers in [0, 1) from a 32-bit seed (any number: taken modulo 2^32). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The triangular distribution's value at probability u (its inverse
 * cumulative distribution): low a, most likely c, high b, a <= c <= b.
 * Below c the distribution function is (x - a)^2 / ((b - a)(c - a)), above it
 * 1 - (b - x)^2 / ((b - a)(b - c)); solving each for x gives the two arms.
 */
export function triangular(a: number, c: number, b: number, u: number): number {
  if (b <= a) return c;
  const split = (c - a) / (b - a);
  return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
}
