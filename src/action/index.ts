import { tuneV8 } from '../cli/v8-flags';
import { runAction } from './run-action';

tuneV8();

// The Action's entry point (bundled into action/index.js by scripts/build-action.js): thin, like bin/.
void runAction({ env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
