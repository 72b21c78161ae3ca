/**
 * Loaded with `node --require` into the Agents Playground process only (never into the bot).
 *
 * The Playground calls `server.listen(port)` without a host, so it would listen on every network
 * interface. It has no sign-in and forwards whatever it receives to the bot, whose authentication is
 * off in local mode: anyone on the same network could talk to the bot through it. Pinning every
 * host-less listen to the loopback address keeps local mode local, as the bot's own 127.0.0.1 does.
 */
import * as net from 'node:net';

const LOOPBACK = '127.0.0.1';

type Listen = (this: net.Server, ...args: unknown[]) => net.Server;

function withLoopbackHost(args: unknown[]): unknown[] {
  const [first, second] = args;
  // listen() and listen(cb): any free port, on all interfaces by default.
  if (first === undefined || typeof first === 'function') return [0, LOOPBACK, ...args];
  // listen(port[, host][, backlog][, cb]): a host, when given, is the second argument and a string.
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return typeof second === 'string' ? args : [first, LOOPBACK, ...args.slice(1)];
  }
  // listen({ port, host? }): leave sockets given by path, fd or handle alone.
  if (typeof first === 'object' && first !== null && !('path' in first) && !('fd' in first) && !('_handle' in first)) {
    const options = first as net.ListenOptions;
    if (options.host === undefined) return [{ ...options, host: LOOPBACK }, ...args.slice(1)];
  }
  return args;
}

const originalListen = net.Server.prototype.listen as unknown as Listen;
const loopbackListen: Listen = function (this: net.Server, ...args: unknown[]): net.Server {
  return originalListen.apply(this, withLoopbackHost(args));
};
net.Server.prototype.listen = loopbackListen as unknown as typeof net.Server.prototype.listen;
