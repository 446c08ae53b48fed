import { BicepTimeoutError } from './errors';

/**
 * The files each compilation reads, asked of the CLI once per file in a run and shared by all the
 * processes of the pool: folder discovery, the cache key and the symbolic-name mirror all need them.
 */
export class ReferenceMemo {
  private readonly answers = new Map<string, Promise<readonly string[]>>();

  /** The answer already asked for, if any. */
  known(file: string): Promise<readonly string[]> | undefined {
    return this.answers.get(file);
  }

  /** The answer, asking for it with `request` unless it was asked for already. */
  ask(file: string, request: () => Promise<readonly string[]>): Promise<readonly string[]> {
    let answer = this.answers.get(file);
    if (!answer) {
      answer = request();
      // A failed request is not remembered, so the next caller asks again; a timeout is, so that a
      // file whose registry modules cannot be fetched costs one wait in a run, not one per caller.
      answer.catch((error: unknown) => error instanceof BicepTimeoutError || this.answers.delete(file));
      this.answers.set(file, answer);
    }
    return answer;
  }
}
