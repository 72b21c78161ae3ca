/**
 * Loaded into the bot's process by the load run only (`node --expose-gc --require`): when the run
 * asks over IPC, it collects garbage fully and answers with the heap in use, so growth means memory
 * kept, not garbage not yet collected. The production bot has no such hook.
 */
const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message) => {
  if (message !== 'heap') return;
  collect?.();
  const { heapUsed, heapTotal, external } = process.memoryUsage();
  process.send?.({ heapUsed, heapTotal, external });
});
// The bot must not outlive the run that started it (it stops as on Ctrl-C: turns finish, storage flushes).
process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
