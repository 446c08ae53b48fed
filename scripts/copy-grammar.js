#!/usr/bin/env node
'use strict';

// Copies the Bicep grammar's WASM build (the only part of tree-sitter-bicep that bicep-audit
// loads) and its license into dist/, so that the package ships them and tree-sitter-bicep is a
// development dependency only: installed from the package, it brought a native addon and an install
// script that nothing uses. Part of `npm run build`.

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const grammar = path.join(root, 'node_modules', 'tree-sitter-bicep');
const dist = path.join(root, 'dist');

for (const [from, to] of [
  ['tree-sitter-bicep.wasm', 'tree-sitter-bicep.wasm'],
  ['LICENSE', 'tree-sitter-bicep.LICENSE'],
]) {
  const target = path.join(dist, to);
  fs.copyFileSync(path.join(grammar, from), target);
  fs.chmodSync(target, 0o644); // data, whatever mode npm gave it
}
