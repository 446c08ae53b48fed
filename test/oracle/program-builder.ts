import type { Random } from '../fuzz/random';

/** A generated program's entry: the parameters file that names `main.bicep`. */
export const ORACLE_ENTRY = 'main.bicepparam';

/** Builds one program: parameters (declared in main.bicep, given in main.bicepparam), blocks and modules. */
export class ProgramBuilder {
  private readonly params: string[] = [];
  private readonly given: string[] = [];
  private readonly blocks: string[] = [];
  private readonly functions: string[] = [];
  readonly files: Record<string, string> = {};
  private count = 0;

  constructor(readonly random: Random) {}

  /** A fresh name for a symbol or parameter. */
  fresh(stem: string): string {
    this.count += 1;
    return `${stem}${this.count}`;
  }

  /** Declares a parameter; `given` goes into the .bicepparam, `fallback` is its default. */
  param(stem: string, type: string, given: string | undefined, fallback?: string): string {
    const name = this.fresh(stem);
    this.params.push(`param ${name} ${type}${fallback === undefined ? '' : ` = ${fallback}`}`);
    if (given !== undefined) this.given.push(`param ${name} = ${given}`);
    return name;
  }

  block(text: string): void {
    this.blocks.push(text);
  }

  /** Declares a user-defined function once. */
  func(name: string, signature: string): void {
    const declaration = `func ${name}${signature}`;
    if (!this.functions.includes(declaration)) this.functions.push(declaration);
  }

  build(): Record<string, string> {
    return {
      ...this.files,
      'main.bicep': [...this.functions, ...this.params, '', ...this.blocks].join('\n') + '\n',
      [ORACLE_ENTRY]: ["using 'main.bicep'", '', ...this.given].join('\n') + '\n',
    };
  }
}
