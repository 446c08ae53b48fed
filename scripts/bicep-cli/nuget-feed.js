'use strict';
// Fetches a package from a NuGet v3 feed over HTTP(S), without dotnet: the feed's service index
// names the flat container (where .nupkg files are) and the registrations (where the SHA-512 the
// feed publishes for each version is found).

const fs = require('node:fs');
const http = require('node:http');
const https = require('node:https');
const path = require('node:path');
const zlib = require('node:zlib');

/** The feed used when neither BICEP_AUDIT_NUGET_FEED nor the user's NuGet.config names one: the public NuGet v3 feed. */
const DEFAULT_FEED = 'https://api.nuget.org/v3/index.json';

/** A hung connection is given up after this long; it bounds a hang, a download takes what it takes. */
const IDLE_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;

/** The user's NuGet.config, where dotnet keeps it; undefined when there is none. */
function userNugetConfig(env, platform, homeDir) {
  const file =
    platform === 'win32'
      ? path.win32.join(env.APPDATA || path.win32.join(homeDir, 'AppData', 'Roaming'), 'NuGet', 'NuGet.Config')
      : path.join(homeDir, '.nuget', 'NuGet', 'NuGet.Config');
  try {
    return { file, text: fs.readFileSync(file, 'utf8') };
  } catch {
    return undefined;
  }
}

const decodeXml = (text) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]);

function attributes(tag) {
  const found = {};
  for (const m of tag.matchAll(/([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found[m[1]] = decodeXml(m[2] ?? m[3]);
  return found;
}

/** The `<add key value>` items of a section of a NuGet.config, after its last `<clear />`. */
function section(text, name) {
  const body = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'i').exec(text)?.[1] ?? '';
  const items = [];
  for (const m of body.matchAll(/<(add|clear)\b[^>]*>/gi)) {
    if (m[1].toLowerCase() === 'clear') items.length = 0;
    else items.push(attributes(m[0]));
  }
  return items;
}

/** The enabled v3 (HTTP, JSON service index) package sources of a NuGet.config's text, in order. */
function nugetConfigSources(text) {
  const disabled = new Set(section(text, 'disabledPackageSources').filter((a) => a.value?.toLowerCase() === 'true').map((a) => a.key));
  return section(text, 'packageSources')
    .filter((a) => a.key && !disabled.has(a.key) && /^https?:\/\/\S+\.json(\?\S*)?$/i.test(a.value ?? ''))
    .map((a) => a.value);
}

/**
 * The feeds to try, in order, and where they came from: BICEP_AUDIT_NUGET_FEED (a service index
 * URL), else the v3 sources of the user's NuGet.config, else the public feed.
 */
function feedsFor(env, nugetConfig) {
  if (env.BICEP_AUDIT_NUGET_FEED) return { feeds: [env.BICEP_AUDIT_NUGET_FEED], from: 'BICEP_AUDIT_NUGET_FEED' };
  const configured = nugetConfig ? nugetConfigSources(nugetConfig.text) : [];
  if (configured.length > 0) return { feeds: configured, from: nugetConfig.file };
  return { feeds: [DEFAULT_FEED], from: 'the default feed' };
}

/** The body of a GET, following redirects and undoing gzip; an error names the URL and the status. */
function get(url, redirects = 0) {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const request = client.get(url, { headers: { 'accept-encoding': 'gzip', 'user-agent': 'bicep-audit' } }, (response) => {
      const { statusCode, headers } = response;
      if (statusCode >= 300 && statusCode < 400 && headers.location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) return reject(new Error(`${url}: more than ${MAX_REDIRECTS} redirects`));
        return resolve(get(new URL(headers.location, url).toString(), redirects + 1));
      }
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (statusCode !== 200) return reject(new Error(`${url}: HTTP ${statusCode}`));
        const body = Buffer.concat(chunks);
        try {
          resolve(headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body) : body);
        } catch (error) {
          reject(new Error(`${url}: ${error.message}`));
        }
      });
    });
    request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error(`${url}: no data for ${IDLE_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(error.message.startsWith(url) ? error : new Error(`${url}: ${error.message}`)));
  });
}

async function getJson(url) {
  const body = await get(url);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new Error(`${url}: not JSON`);
  }
}

const withSlash = (url) => (url.endsWith('/') ? url : `${url}/`);

/** The resources of a feed that this needs, from its service index. */
async function feedResources(serviceIndex) {
  const index = await getJson(serviceIndex);
  const resources = Array.isArray(index.resources) ? index.resources : [];
  const ofType = (prefix) => resources.filter((r) => typeof r['@type'] === 'string' && r['@type'].startsWith(prefix) && typeof r['@id'] === 'string').map((r) => withSlash(r['@id']));
  const flat = ofType('PackageBaseAddress/3.0.0')[0];
  if (!flat) throw new Error(`${serviceIndex}: the service index names no PackageBaseAddress/3.0.0 (is it a NuGet v3 feed?)`);
  return { flat, registrations: ofType('RegistrationsBaseUrl') };
}

/** The .nupkg of a package version, and the URL it came from. */
async function downloadPackage(serviceIndex, id, version) {
  const { flat, registrations } = await feedResources(serviceIndex);
  const lower = id.toLowerCase();
  const url = `${flat}${lower}/${version}/${lower}.${version}.nupkg`;
  return { url, nupkg: await get(url), registrations, flat };
}

/** The entry of a version in a registration index, its pages fetched when they are not inline. */
async function registrationEntry(base, lower, version) {
  const index = await getJson(`${base}${lower}/index.json`);
  for (const page of Array.isArray(index.items) ? index.items : []) {
    const items = Array.isArray(page.items) ? page.items : (await getJson(page['@id'])).items ?? [];
    const found = items.find((item) => item.catalogEntry?.version?.toLowerCase() === version.toLowerCase());
    if (found) return found.catalogEntry;
  }
  return undefined;
}

const sha512Of = (entry) => (typeof entry?.packageHash === 'string' && /^sha512$/i.test(entry.packageHashAlgorithm ?? '') ? entry.packageHash : undefined);

/**
 * The SHA-512 (base64) the feed publishes for a package version, and where: the `packageHash` of
 * its catalog entry (inline in the registration, or behind its `@id`), else a `.nupkg.sha512` file
 * beside the package. Undefined when the feed publishes none.
 */
async function publishedSha512(feed, id, version) {
  const lower = id.toLowerCase();
  for (const base of feed.registrations) {
    try {
      const entry = await registrationEntry(base, lower, version);
      const inline = sha512Of(entry);
      if (inline) return { sha512: inline, from: `${base}${lower}/index.json` };
      if (typeof entry?.['@id'] === 'string') {
        const leaf = sha512Of(await getJson(entry['@id']));
        if (leaf) return { sha512: leaf, from: entry['@id'] };
      }
    } catch {
      // A registration that cannot be read publishes nothing; the next place may.
    }
  }
  const url = `${feed.flat}${lower}/${version}/${lower}.${version}.nupkg.sha512`;
  try {
    const text = (await get(url)).toString('utf8').trim();
    if (/^[A-Za-z0-9+/]{86}==$/.test(text)) return { sha512: text, from: url };
  } catch {
    // No such file on this feed.
  }
  return undefined;
}

module.exports = { DEFAULT_FEED, userNugetConfig, nugetConfigSources, feedsFor, downloadPackage, publishedSha512 };
