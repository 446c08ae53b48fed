import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a whole file or nothing: the text goes to a temp file beside it, which is then renamed
 * over it. `mode`, when given, is the file's mode exactly (not narrowed by the umask).
 */
export function writeFileAtomic(file: string, text: string, mode?: number): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    if (mode !== undefined) fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
  } catch (error) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // The temp file could not even be made (its folder is missing or not a folder): nothing to remove.
    }
    throw error;
  }
}
