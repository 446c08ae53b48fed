import fs from 'node:fs';
import path from 'node:path';

/** The package's own root: two levels above this file in both src/ and dist/. */
export const packageRoot = path.resolve(__dirname, '..');

interface PackageJson {
  version: string;
  homepage: string;
  bicepCli: { version: string };
}

let cached: PackageJson | undefined;

export function packageJson(): PackageJson {
  cached ??= JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as PackageJson;
  return cached;
}

/** Where a file of the package is shown on the web, e.g. a rule's docs page. */
export function webUrlOf(packagePath: string): string {
  return `${packageJson().homepage}/blob/main/${packagePath}`;
}
