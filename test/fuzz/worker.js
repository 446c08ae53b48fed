'use strict';
// The worker thread of the fuzz test (see sandbox.ts). It loads the TypeScript sources of src/
// and test/ by compiling each file on require with esbuild (a devDependency), which is faster to
// start than the TypeScript compiler: a worker is started again after each case it had to stop.
const fs = require('node:fs');
const esbuild = require('esbuild');

process.setSourceMapsEnabled(true);
require.extensions['.ts'] = (module, filename) => {
  const { code } = esbuild.transformSync(fs.readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    sourcefile: filename,
    // As tsconfig.json's target ES2022 implies for tsc.
    tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
  });
  module._compile(code, filename);
};
require('./worker-tasks.ts');
