import v8 from 'node:v8';
import { runAction } from './run-action';

// As in bin/: the Bicep grammar (WebAssembly) on V8's baseline compiler only, so that no optimizing compile holds the exit back,
// and JavaScript optimized only once it has run long enough to stay optimized.
v8.setFlagsFromString('--liftoff-only');
v8.setFlagsFromString('--interrupt-budget=1081344');

// The Action's entry point (bundled into action/index.js by scripts/build-action.js): thin, like bin/.
void runAction({ env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
