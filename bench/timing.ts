// How every Node bench times a piece of work: once to warm up, then `runs`
// times, fastest first, so each bench reads the median (or the range) from
// the same measurement.
export function sortedTimes(runs: number, work: () => void): number[] {
  work();
  return Array.from({ length: runs }, () => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
}

/** Median of `runs` timings of `work`, after one run to warm up. */
export const median = (runs: number, work: () => void): number => sortedTimes(runs, work)[Math.floor(runs / 2)];
