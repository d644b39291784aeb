// Each post's cost per year goes from the engine's worker (and the analysis
// worker, for the model's figures) to the page after every change: 60,000
// numbers at 10,000 posts, which take the page's thread longer to receive
// than the edit took to cost. After one post's edit only its row changes, and
// after posts inserted or deleted only theirs (the rest move), so only those
// rows are sent, with where rows came in or went.

/** Rows [at, at + removed) of the last reply's gave way to `added` rows. */
export interface Moved {
  at: number;
  removed: number;
  added: number;
}

/** The post costs as sent: all of them, or the rows that changed since the last reply (after any moved). */
export type PostCostsMessage = { whole: number[][] } | { count: number; rows: [number, number[]][]; moved?: Moved };

// A post whose costs were kept (the model's worker keeps each post's, and the engine's rows not read
// again) has the same array as last time: 10,000 of them were compared number by number after an insert.
const same = (a: number[], b: number[]) => a === b || (a.length === b.length && a.every((v, k) => v === b[k]));

export function packPostCosts(previous: number[][] | null, next: number[][]): PostCostsMessage {
  if (!previous) return { whole: next };
  if (previous.length !== next.length) return movedRows(previous, next);
  const rows: [number, number[]][] = [];
  for (let i = 0; i < next.length; i++) {
    if (same(previous[i], next[i])) continue;
    rows.push([i, next[i]]);
    // Most rows changed (a pay award): whole is as small, and simpler.
    if (rows.length > next.length / 2) return { whole: next };
  }
  return { count: next.length, rows };
}

/** Rows in or out: the rows the same at either end stay; those between them are sent. */
function movedRows(previous: number[][], next: number[][]): PostCostsMessage {
  let at = 0;
  while (at < previous.length && at < next.length && same(previous[at], next[at])) at++;
  let tail = 0;
  while (tail < previous.length - at && tail < next.length - at && same(previous[previous.length - 1 - tail], next[next.length - 1 - tail])) tail++;
  const added = next.length - at - tail;
  if (added > next.length / 2) return { whole: next };
  return { count: next.length, moved: { at, removed: previous.length - at - tail, added }, rows: next.slice(at, at + added).map((row, k) => [at + k, row]) };
}

/** The post costs a message describes, from those last received; null if it needs rows the page does not have. */
export function unpackPostCosts(previous: number[][] | null, message: PostCostsMessage): number[][] | null {
  if ('whole' in message) return message.whole;
  if (!previous) return null;
  const { moved } = message;
  if (moved && (moved.at + moved.removed > previous.length || previous.length - moved.removed + moved.added !== message.count)) return null;
  if (!moved && previous.length !== message.count) return null;
  if (!moved && message.rows.length === 0) return previous;
  const next: (number[] | undefined)[] = moved ? [...previous.slice(0, moved.at), ...new Array<undefined>(moved.added), ...previous.slice(moved.at + moved.removed)] : previous.slice();
  for (const [i, row] of message.rows) next[i] = row;
  // Every row that came in must have been sent.
  if (moved) for (let i = moved.at; i < moved.at + moved.added; i++) if (next[i] === undefined) return null;
  return next as number[][];
}
