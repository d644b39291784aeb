import { afterEach, describe, expect, it } from 'vitest';
import { Client, serve, type WorkerPort } from './rpc';

// A worker as the tests see one: the handlers served on one end of a
// MessageChannel, the client on the other. Ending it closes both ends, as
// terminating a Worker drops whatever it was about to send.
const channels: MessageChannel[] = [];
function fakeWorker<H extends object>(handlers: H) {
  const channel = new MessageChannel();
  channels.push(channel);
  serve(channel.port2, handlers as never);
  const worker = Object.assign(channel.port1, {
    onerror: null as WorkerPort['onerror'],
    ended: false,
    terminate() {
      worker.ended = true;
      channel.port1.close();
      channel.port2.close();
    },
  });
  return worker;
}

afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

class Stopped extends Error {}
class Lost extends Error {}

interface Sums {
  add(args: { a: number; b: number }): number;
  fail(args: { why: string }): never;
  count(args: { to: number }, progress: (done: number) => void): Promise<string>;
  hold(args: null): Promise<never>;
}

const sums: Sums = {
  add: ({ a, b }) => a + b,
  fail: ({ why }) => {
    throw new Error(why);
  },
  async count({ to }, progress) {
    for (let i = 1; i <= to; i++) progress(i);
    return `counted to ${to}`;
  },
  hold: () => new Promise<never>(() => {}),
};

function client() {
  const started: ReturnType<typeof fakeWorker>[] = [];
  const rpc = new Client<Sums>({
    create: () => {
      const worker = fakeWorker(sums);
      started.push(worker);
      return worker;
    },
    stopped: () => new Stopped('Stopped before it finished.'),
    lost: (reason) => new Lost(`The worker stopped: ${reason ?? 'it could not load'}`),
  });
  return { rpc, started };
}

describe('one typed channel to a worker', () => {
  it('sends a call by name and answers with what its handler returned', async () => {
    const { rpc } = client();
    const answer: number = await rpc.send('add', { a: 2, b: 3 });
    expect(answer).toBe(5);
    expect(await rpc.send('add', { a: 0.1, b: 0.2 })).toBe(0.1 + 0.2);
    // The map of handlers types each call: a wrong name or argument does not compile.
    // @ts-expect-error no handler of that name
    void rpc.send('subtract', { a: 1, b: 2 }).catch(() => {});
    // @ts-expect-error add takes numbers
    void rpc.send('add', { a: '1', b: 2 });
  });

  it('answers calls in flight by their own ids', async () => {
    const { rpc, started } = client();
    const answers = await Promise.all([rpc.send('add', { a: 1, b: 1 }), rpc.send('count', { to: 2 }), rpc.send('add', { a: 5, b: 5 })]);
    expect(answers).toEqual([2, 'counted to 2', 10]);
    expect(started.length).toBe(1);
  });

  it('rethrows a handler’s error as an Error with the same words', async () => {
    const { rpc } = client();
    const failed = await rpc.send('fail', { why: 'Post 2 has no grade.' }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toBe('Post 2 has no grade.');
    // The worker goes on answering after an error.
    expect(await rpc.send('add', { a: 1, b: 2 })).toBe(3);
  });

  it('reports progress to its own call, before the answer', async () => {
    const { rpc } = client();
    const seen: number[] = [];
    const answer = await rpc.send('count', { to: 3 }, (done) => seen.push(done));
    expect(seen).toEqual([1, 2, 3]);
    expect(answer).toBe('counted to 3');
  });

  it('stop ends the worker, rejects each call waiting as stopped, and the next call starts another', async () => {
    const { rpc, started } = client();
    const held = [rpc.send('hold', null).catch((e: unknown) => e), rpc.send('hold', null).catch((e: unknown) => e)];
    expect(rpc.busy).toBe(true);
    rpc.stop();
    const [first, second] = await Promise.all(held);
    expect(first).toBeInstanceOf(Stopped);
    expect(second).toBeInstanceOf(Stopped);
    expect((first as Error).message).toBe('Stopped before it finished.');
    expect(started[0].ended).toBe(true);
    expect(rpc.busy).toBe(false);
    expect(await rpc.send('add', { a: 4, b: 4 })).toBe(8);
    expect(started.length).toBe(2);
  });

  it('a worker that fails rejects every call waiting as lost, with the browser’s reason, and is replaced', async () => {
    const { rpc, started } = client();
    const held = [rpc.send('hold', null).catch((e: unknown) => e), rpc.send('hold', null).catch((e: unknown) => e)];
    started[0].onerror!({ message: 'out of memory' });
    const [first, second] = await Promise.all(held);
    expect(first).toBeInstanceOf(Lost);
    expect((first as Error).message).toBe('The worker stopped: out of memory');
    expect(second).toBe(first);
    expect(started[0].ended).toBe(true);
    expect(await rpc.send('add', { a: 1, b: 1 })).toBe(2);
    expect(started.length).toBe(2);
  });

  it('a worker that could not load gives no reason: the client says its own', async () => {
    const { rpc, started } = client();
    const held = rpc.send('hold', null).catch((e: unknown) => e);
    started[0].onerror!({ message: '' });
    expect(((await held) as Error).message).toBe('The worker stopped: it could not load');
  });

  it('warm starts the worker before the first call, once', () => {
    const { rpc, started } = client();
    rpc.warm();
    rpc.warm();
    expect(started.length).toBe(1);
  });

  it('a name the worker does not serve is refused in words', async () => {
    const { rpc } = client();
    const failed = await (rpc as unknown as Client<{ toString(args: null): string }>).send('toString', null).catch((e: unknown) => e);
    expect((failed as Error).message).toBe('The worker has no “toString”.');
  });
});
