#!/usr/bin/env node
'use strict';

// Bundles the command line (src/cli/main.ts) and the rest of bicep-audit's own code into one file,
// dist/cli.js, which bin/bicep-audit.js runs: loading one file instead of a hundred modules saves
// about a tenth of a second on every run. Packages stay outside it, loaded from node_modules.
// Part of `npm run build`, after tsc (dist/ also holds the library, dist/index.js).

const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');

esbuild
  .build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    // Beside dist/package-info.js, so that the bundle finds the package root and the schemas as the modules do.
    outfile: path.join(root, 'dist', 'cli.js'),
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
  })
  .catch(() => {
    process.exitCode = 1;
  });
