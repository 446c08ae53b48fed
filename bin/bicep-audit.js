#!/usr/bin/env node
'use strict';

const { main } = require('../dist/cli/main.js');

main({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
