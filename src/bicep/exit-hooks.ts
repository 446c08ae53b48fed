const hooks = new Set<() => void>();
let installed = false;

function runAll(): void {
  for (const hook of [...hooks]) hook();
  hooks.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  // Re-raise with the default handler so that the process ends with the signal's usual status.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

/**
 * Runs `hook` when the process exits, on Ctrl-C, SIGTERM or SIGHUP (the terminal closed) (synchronous work only).
 * Returns a function that withdraws it once its work is done early.
 */
export function atExit(hook: () => void): () => void {
  if (!installed) {
    installed = true;
    process.once('exit', runAll);
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('SIGHUP', onSignal);
  }
  hooks.add(hook);
  return () => hooks.delete(hook);
}
