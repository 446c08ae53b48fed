import v8 from 'node:v8';
import { runAction } from './run-action';

// As in bin/: the Bicep grammar (WebAssembly) on V8's baseline compiler only, so that no optimizing compile holds the exit back.
v8.setFlagsFromString('--liftoff-only');

// The Action's entry point (bundled into action/index.js by scripts/build-action.js): thin, like bin/.
void runAction({ env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
