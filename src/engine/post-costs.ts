// Each post's cost per year goes from the engine's worker to the page after
// every change: 60,000 numbers at 10,000 posts, which take the page's thread
// longer to receive than the edit took to cost. After one post's edit only
// its row changes, so only the rows that differ from the last reply are sent.

/** The post costs as sent: all of them, or the rows that changed since the last reply. */
export type PostCostsMessage = { whole: number[][] } | { count: number; rows: [number, number[]][] };

const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, k) => v === b[k]);

export function packPostCosts(previous: number[][] | null, next: number[][]): PostCostsMessage {
  if (!previous || previous.length !== next.length) return { whole: next };
  const rows: [number, number[]][] = [];
  for (let i = 0; i < next.length; i++) {
    if (same(previous[i], next[i])) continue;
    rows.push([i, next[i]]);
    // Most rows changed (a pay award): whole is as small, and simpler.
    if (rows.length > next.length / 2) return { whole: next };
  }
  return { count: next.length, rows };
}

/** The post costs a message describes, from those last received; null if it needs rows the page does not have. */
export function unpackPostCosts(previous: number[][] | null, message: PostCostsMessage): number[][] | null {
  if ('whole' in message) return message.whole;
  if (!previous || previous.length !== message.count) return null;
  if (message.rows.length === 0) return previous;
  const next = previous.slice();
  for (const [i, row] of message.rows) next[i] = row;
  return next;
}
