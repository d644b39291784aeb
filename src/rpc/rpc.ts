// One typed channel between the page and each of its workers (the engine's,
// the analysis worker, the import worker). The worker serves a map of named
// handlers; the page calls them by name with `send`, and TypeScript checks the
// name, its arguments, its answer and its progress against that same map.
// The messages: a call `{ id, name, args }`; answers carry the call's id, as
// progress (any number), then one outcome, a value or an error's message.
//
// Generic and free of the DOM: it speaks to anything shaped like a
// `postMessage` port (a Worker, a worker's `self`, a MessagePort in tests), so
// engine/ and io/ may both use it and it runs in Node as in the browser.

/** A message as it arrives: only its data is read. */
interface Arrived {
  data: unknown;
}

// Method syntax so a Worker's `(ev: MessageEvent) => any` fits: its parameters are checked both ways.
type Listener<E> = { listen(event: E): void }['listen'];

/** Where messages go and come from: a worker's `self`, or a MessagePort. */
export interface Port {
  postMessage(message: unknown): void;
  onmessage: Listener<Arrived> | null;
}

/** The page's handle on a worker: a port it can also end, which says when the worker fails. */
export interface WorkerPort extends Port {
  onerror: Listener<{ message?: string }> | null;
  terminate(): void;
}

/** A worker's handler: the call's arguments, and a way to report progress along the way. */
export type Handler = (args: any, progress: (update: any) => void) => unknown;

/** What a worker answers to: handler by name. An interface of methods fits. */
export type Handlers<H> = { [K in keyof H]: Handler };

type Args<F> = F extends (args: infer A, ...rest: never[]) => unknown ? A : never;
type Update<F> = F extends (args: never, progress: (update: infer P) => void) => unknown ? P : never;
type Answer<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

type Call = { id: number; name: string; args: unknown };
type Reply = { id: number; progress: unknown } | { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * Answers each call that arrives on the port with the handler of its name.
 * A handler's error goes back as its message (an Error crosses a port badly):
 * the page rethrows it as an Error with the same words.
 */
export function serve<H extends Handlers<H>>(port: Port, handlers: H): void {
  const reply = (message: Reply) => port.postMessage(message);
  port.onmessage = async (event) => {
    const { id, name, args } = event.data as Call;
    try {
      const handler = (handlers as Record<string, Handler>)[name];
      if (!Object.hasOwn(handlers, name) || typeof handler !== 'function') throw new Error(`The worker has no “${name}”.`);
      const value = await handler(args, (progress) => reply({ id, progress }));
      reply({ id, ok: true, value });
    } catch (error) {
      reply({ id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
}

type Waiting = { resolve: (value: never) => void; reject: (error: Error) => void; progress?: (update: never) => void };

export interface ClientOptions {
  /** Starts the worker: on first use, and again after it was stopped or lost. */
  create: () => WorkerPort;
  /** What each call waiting is rejected with when `stop` ends the worker. */
  stopped: () => Error;
  /** What every call waiting is rejected with when the worker fails (the browser's reason, if it gave one). */
  lost: (reason: string | undefined) => Error;
}

/**
 * The page's side: calls a worker's handlers by name. The worker starts on
 * first use (or `warm`); one that is stopped or fails is ended, and the next
 * call starts another, so no answer from the old one can arrive late.
 */
export class Client<H extends Handlers<H>> {
  private worker: WorkerPort | null = null;
  private next = 1;
  private readonly pending = new Map<number, Waiting>();

  constructor(private readonly options: ClientOptions) {}

  /** Whether any call is waiting for its answer. */
  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Starts the worker now, so it loads while the page does other work. */
  warm(): void {
    this.worker ??= this.start();
  }

  send<K extends keyof H & string>(name: K, args: Args<H[K]>, progress?: (update: Update<H[K]>) => void): Promise<Answer<H[K]>> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject, progress: progress as ((update: never) => void) | undefined });
      worker.postMessage({ id, name, args } satisfies Call);
    });
  }

  /** Ends the worker and what it was doing: each call waiting is rejected with `stopped`. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.rejectAll(() => this.options.stopped());
  }

  private start(): WorkerPort {
    const worker = this.options.create();
    worker.onmessage = (event) => {
      const reply = event.data as Reply;
      const waiting = this.pending.get(reply.id);
      if (!waiting) return; // a call given up on (stopped): its answer is not wanted
      if ('progress' in reply) return waiting.progress?.(reply.progress as never);
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value as never);
      else waiting.reject(new Error(reply.error));
    };
    worker.onerror = (event) => {
      // A worker that failed is ended, and the next call starts another: answers from
      // this one must not arrive after the page has given up on them.
      const error = this.options.lost(event.message || undefined);
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.rejectAll(() => error);
    };
    return worker;
  }

  private rejectAll(error: () => Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(error());
  }
}
