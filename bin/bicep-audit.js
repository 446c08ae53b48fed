#!/usr/bin/env node
'use strict';

// One bundle of bicep-audit's code (scripts/build-cli.js), quicker to load than its modules one by one.
const { main } = require('../dist/cli.js');

main({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
