import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { relativeInside } from '../discover/repository-root';

/** A file as reports name it: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  return relativeInside(file, cwd) ?? file;
}

/** A SARIF artifact location: relative to `%SRCROOT%` (the repository root) when inside it, else a file URL. */
export function artifactLocation(file: string, repoRoot: string): { uri: string; uriBaseId?: string } {
  const relative = relativeInside(file, repoRoot);
  if (relative === undefined) return { uri: pathToFileURL(file).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
