import fs from 'node:fs';
import path from 'node:path';
import { BICEP_FIXTURES } from './real-bicep';
import { makeTree } from './temp-tree';

/** A folder name with the characters CI formats must escape in a property: `;`, `]`, `%`. */
export const ODD_FOLDER = 'a;b]c%d';

/**
 * A repository (it has .git) holding the baseline fixture (an error, a review and an error in a
 * module's file) in ODD_FOLDER.
 */
export function oddPathRepository(): string {
  const root = makeTree({
    [`${ODD_FOLDER}/main.bicep`]: fs.readFileSync(path.join(BICEP_FIXTURES, 'baseline', 'main.bicep'), 'utf8'),
    [`${ODD_FOLDER}/modules/registry.bicep`]: fs.readFileSync(path.join(BICEP_FIXTURES, 'baseline', 'modules', 'registry.bicep'), 'utf8'),
  });
  fs.mkdirSync(path.join(root, '.git'));
  return root;
}

/** A JSON report's results, for comparing other formats with. */
export interface JsonResult {
  ruleId: string;
  level: string;
  kind: string;
  message: string;
  location: { file: string; line: number; column: number };
}
