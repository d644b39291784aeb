// The analysis worker as the tests see one: its own handlers served on one
// end of a MessageChannel, the page's AnalysisChannel on the other, noting
// every call posted to it and every reply.
import { analysisHandlers } from '../src/engine/analysis';
import { AnalysisChannel } from '../src/engine/client';
import { Cancelled, EngineLost } from '../src/engine/protocol';
import { serve, type WorkerPort } from '../src/rpc/rpc';

export type Posted = { name: string; args: { workbook: unknown } };

export function analysisChannel() {
  const channels: MessageChannel[] = [];
  const posted: Posted[] = [];
  const replies: unknown[] = [];
  const workers: (MessagePort & WorkerPort)[] = [];
  const start = () => {
    const channel = new MessageChannel();
    channels.push(channel);
    const reply = channel.port2.postMessage.bind(channel.port2);
    channel.port2.postMessage = (message: unknown) => (replies.push(structuredClone(message)), reply(message));
    serve(channel.port2, analysisHandlers());
    const post = channel.port1.postMessage.bind(channel.port1);
    const worker = Object.assign(channel.port1, {
      onerror: null as WorkerPort['onerror'],
      postMessage(message: Posted) {
        posted.push(structuredClone(message));
        post(message);
      },
      terminate() {
        channel.port1.close();
        channel.port2.close();
      },
    });
    workers.push(worker);
    return worker;
  };
  const analysis = new AnalysisChannel({ create: start, stopped: () => new Cancelled(), lost: (reason) => new EngineLost(`The analysis stopped: ${reason}`) });
  const close = () => {
    for (const { port1, port2 } of channels) {
      port1.close();
      port2.close();
    }
  };
  return { analysis, posted, replies, workers, close };
}
