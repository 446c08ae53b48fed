import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A file as reports name it: relative to the working folder when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** A SARIF artifact URI: relative (with forward slashes) inside the working folder, else a file URL. */
export function artifactUri(file: string, cwd: string): string {
  const shown = displayPath(file, cwd);
  return path.isAbsolute(shown) ? pathToFileURL(shown).href : shown.split(path.sep).join('/');
}
