import v8 from 'node:v8';

/** How bicep-audit runs on V8, set first by bin/bicep-audit.js and by the Action. */
export function tuneV8(): void {
  // The Bicep grammar (WebAssembly) runs on V8's baseline compiler only: its optimizing compile of the
  // grammar's large functions outlived the work and held every exit back by about 110 ms.
  v8.setFlagsFromString('--liftoff-only');
  // JavaScript is optimized only once it has run 16 times as long as V8's default (Node 20's) asks: a
  // cold run of 100 entries optimized 120 functions, most never long enough to pay for the compile,
  // which took the second core from the Bicep server (now 14 functions: node's CPU 13% less; the engine
  // alone, 31 templates 100 times, 35% less CPU and 7% less time).
  v8.setFlagsFromString('--interrupt-budget=1081344');
}
