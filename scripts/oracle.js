#!/usr/bin/env node
// npm run oracle [-- --count N --seed S --jobs J --only I,J --keep DIR]: generates Bicep programs,
// runs Azure's own engine on each (`bicep snapshot`) and bicep-audit's engine on the same
// deployment context, and prints `oracle: N compared, D disagreements` with each difference
// (test/oracle/). Exit 1 when any program disagrees. Needs the provisioned Bicep CLI.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

// The oracle lives with the tests, in TypeScript: compile each file as it is required.
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { oracleMain } = require(path.join(__dirname, '..', 'test', 'oracle', 'main.ts'));

oracleMain(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`oracle: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
