#!/usr/bin/env node
'use strict';

require('../dist/cli/v8-flags.js').tuneV8();

const os = require('node:os');
const { startEarlyServer } = require('../dist/cli/early-server.js');

const argv = process.argv.slice(2);
// A first run's Bicep server starts before the rest of bicep-audit loads (a few small modules only).
const prestarted = startEarlyServer(argv, process.env, process.cwd(), os.homedir());
// One bundle of bicep-audit's code (scripts/build-cli.js), quicker to load than its modules one by one.
const { main } = require('../dist/cli.js');

main({ argv, env: process.env, cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, prestarted }).then(
  (code) => {
    process.exitCode = code;
  },
);
