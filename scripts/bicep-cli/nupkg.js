'use strict';
// Reads one file out of a NuGet package, which is a zip archive: the central directory at the end
// lists each entry with where its data starts. Stored and deflated entries, as NuGet writes them.

const zlib = require('node:zlib');

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

function endOfDirectory(zip) {
  // The record is 22 bytes, followed by a comment of at most 65,535.
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 65_535); at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) return { entries: zip.readUInt16LE(at + 10), offset: zip.readUInt32LE(at + 16) };
  }
  throw new Error('it is not a zip archive (no central directory)');
}

/** The content of the entry `name` (e.g. `tools/bicep`), or undefined when the archive has none. */
function readEntry(zip, name) {
  const directory = endOfDirectory(zip);
  let at = directory.offset;
  for (let i = 0; i < directory.entries; i += 1) {
    if (zip.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error('its central directory is damaged');
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (entryName === name) {
      if (zip.readUInt32LE(localHeader) !== LOCAL_HEADER) throw new Error(`the entry ${name} is damaged`);
      const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
      const data = zip.subarray(start, start + compressedSize);
      const content = method === 0 ? Buffer.from(data) : method === 8 ? zlib.inflateRawSync(data) : undefined;
      if (!content) throw new Error(`the entry ${name} is compressed with method ${method}, which is not read here`);
      if (content.length !== size) throw new Error(`the entry ${name} is ${content.length} bytes, not the ${size} its directory says`);
      return content;
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return undefined;
}

module.exports = { readEntry };
