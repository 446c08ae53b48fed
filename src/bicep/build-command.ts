import { toDiagnosticLevel, type BicepDiagnostic, type CompileOutput } from './compile-output';
import { runBicepCommand } from './child-env';
import { BicepCliError, BicepTimeoutError, excerpt } from './errors';

// `path(line,col) : Level CODE: message`, 1-based, one per line on stderr.
const DIAGNOSTIC_LINE = /^(.*)\((\d+),(\d+)\) : (Error|Warning|Info) ([^:\s]+): (.*)$/;

export function parseDiagnosticLines(stderr: string): BicepDiagnostic[] {
  const diagnostics: BicepDiagnostic[] = [];
  for (const line of stderr.split(/\r?\n/)) {
    const match = DIAGNOSTIC_LINE.exec(line.trim());
    if (!match) continue;
    const [, file, lineText, columnText, level, code, message] = match as unknown as string[];
    const position = { line: Number(lineText) - 1, character: Number(columnText) - 1 };
    diagnostics.push({
      file: file!,
      range: { start: position, end: position },
      level: toDiagnosticLevel(level!),
      code: code!,
      message: message!,
    });
  }
  return diagnostics;
}

interface BuildParamsStdout {
  parametersJson?: string;
  templateJson?: string;
}

/**
 * Compiles with `bicep build --stdout` (or `build-params`), one process per file: the fallback
 * for CLIs without the JSON-RPC server.
 */
export async function compileWithBuildCommand(
  cliPath: string,
  file: string,
  options: { noRestore: boolean; timeoutMs: number },
): Promise<Omit<CompileOutput, 'filesRead'>> {
  const isParams = file.endsWith('.bicepparam');
  const args = [isParams ? 'build-params' : 'build', file, '--stdout', ...(options.noRestore ? ['--no-restore'] : [])];
  const command = [cliPath, ...args].join(' ');
  const result = await runBicepCommand(cliPath, args, { timeoutMs: options.timeoutMs, stripFinalNewline: false });
  const output = `${result.stderr}\n${result.stdout}`;
  if (result.timedOut) {
    throw new BicepTimeoutError(`the Bicep CLI did not finish within ${options.timeoutMs} ms`, command, undefined, excerpt(output));
  }
  const diagnostics = parseDiagnosticLines(result.stderr);
  if (result.exitCode === 1 && diagnostics.some((d) => d.level === 'error')) {
    return { file, success: false, diagnostics };
  }
  if (result.exitCode !== 0) {
    throw new BicepCliError('the Bicep CLI failed', command, result.exitCode ?? (result.signal as NodeJS.Signals | undefined), excerpt(output));
  }
  try {
    if (!isParams) {
      JSON.parse(result.stdout);
      return { file, success: true, diagnostics, template: result.stdout };
    }
    const parsed = JSON.parse(result.stdout) as BuildParamsStdout;
    if (typeof parsed.parametersJson !== 'string') throw new Error('no parametersJson in its output');
    // A base parameter file (`using none`) has parameters and no template.
    const template = typeof parsed.templateJson === 'string' ? { template: parsed.templateJson } : {};
    return { file, success: true, diagnostics, ...template, parameters: parsed.parametersJson };
  } catch (error) {
    throw new BicepCliError('the Bicep CLI printed output that is not a template', command, 0, excerpt(result.stdout), {
      cause: error,
    });
  }
}
