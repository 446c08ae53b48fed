#!/usr/bin/env node
'use strict';

const v8 = require('node:v8');
// The Bicep grammar (WebAssembly) runs on V8's baseline compiler only: its optimizing compile of the
// grammar's large functions outlived the work and held every exit back by about 110 ms.
v8.setFlagsFromString('--liftoff-only');
// JavaScript is optimized only once it has run 16 times as long as V8's default (Node 20's) asks: a
// cold run of 100 entries optimized 120 functions, most never long enough to pay for the compile,
// which took the second core from the Bicep server (now 14 functions: node's CPU 13% less; the engine
// alone, 31 templates 100 times, 35% less CPU and 7% less time).
v8.setFlagsFromString('--interrupt-budget=1081344');

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
