import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

/** A zip archive of the given files, deflated, as a .nupkg is; `executable` files get mode 755. */
export function zipArchive(files: Record<string, string>, executable: readonly string[] = []): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const packed = zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x0314, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(((executable.includes(name) ? 0o100755 : 0o100644) << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A fake Bicep CLI package: tools/bicep prints the version, as the real one's --version does. */
export function fakeCliPackage(version: string): Buffer {
  const script = `#!/bin/sh\necho "Bicep CLI version ${version} (local feed)"\n`;
  return zipArchive({ '[Content_Types].xml': '<Types/>', 'tools/bicep': script }, ['tools/bicep']);
}

export const sha512Base64 = (data: Buffer): string => createHash('sha512').update(data).digest('base64');

export interface FeedPackage {
  id: string;
  version: string;
  nupkg: Buffer;
  /** What the feed publishes as the package's SHA-512: its own (in a catalog leaf), another, or nothing. */
  publishes: 'hash' | 'wrong hash' | 'nothing';
}

export interface LocalFeed {
  serviceIndex: string;
  /** The paths asked for, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A NuGet v3 feed on 127.0.0.1, as the install script reads one: a service index, a flat
 * container with the .nupkg files, and registrations whose catalog entries give the SHA-512.
 */
export async function startLocalFeed(packages: readonly FeedPackage[]): Promise<LocalFeed> {
  const requests: string[] = [];
  const server = http.createServer((request, response) => {
    const url = request.url ?? '';
    requests.push(url);
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (value: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    if (url === '/v3/index.json') {
      return json({
        version: '3.0.0',
        resources: [
          { '@id': `${base}/flat/`, '@type': 'PackageBaseAddress/3.0.0' },
          { '@id': `${base}/registration/`, '@type': 'RegistrationsBaseUrl/3.6.0' },
        ],
      });
    }
    for (const p of packages) {
      const lower = p.id.toLowerCase();
      if (url === `/flat/${lower}/${p.version}/${lower}.${p.version}.nupkg`) {
        response.writeHead(200, { 'content-type': 'application/octet-stream' });
        return response.end(p.nupkg);
      }
      if (url === `/registration/${lower}/index.json`) {
        const catalogEntry = { '@id': `${base}/catalog/${lower}.${p.version}.json`, id: p.id, version: p.version };
        return json({ count: 1, items: [{ '@id': `${base}/registration/${lower}/index.json#page`, lower: p.version, upper: p.version, items: [{ catalogEntry }] }] });
      }
      if (url === `/catalog/${lower}.${p.version}.json` && p.publishes !== 'nothing') {
        const hash = p.publishes === 'hash' ? sha512Base64(p.nupkg) : sha512Base64(Buffer.from('another package'));
        return json({ id: p.id, version: p.version, packageHash: hash, packageHashAlgorithm: 'SHA512' });
      }
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    serviceIndex: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/index.json`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
