import fs from 'node:fs';
import type { ReportContext } from '../../src/report/report-context';
import { reportedRules } from '../../src/report/report-context';
import { RULES } from '../../src/rules/index';

/** What reporters get in a run, for files read from disk, without colour. */
export function reportContext(cwd: string, repoRoot: string, toolVersion = '9.9.9'): ReportContext {
  return { cwd, repoRoot, toolVersion, rules: reportedRules(RULES), sourceText: (file) => fs.readFileSync(file, 'utf8'), color: false };
}
