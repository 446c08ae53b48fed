import type { SourceLocation } from '../rules/finding';
import type { LocatedRemedy, Remedy, RemedyStep } from '../rules/remedy';
import type { InstancePlace } from '../rules/rule';
import type { Locator } from './locator';

function locateStep(step: RemedyStep, locate: (place: InstancePlace) => SourceLocation): RemedyStep<SourceLocation> {
  return { ...step, at: locate(step.at) };
}

/** A rule's remedy with its places found in the user's files (the deepest part of each path the source spells out). */
export function locateRemedy(remedy: Remedy, locator: Locator): LocatedRemedy {
  const locate = (place: InstancePlace) => locator.locate(place);
  switch (remedy.kind) {
    case 'steps':
      return { kind: 'steps', steps: remedy.steps.map((step) => locateStep(step, locate)) };
    case 'add-setting':
    case 'add-scope-setting':
    case 'add-lock':
      return { ...remedy, target: locate(remedy.target) };
    case 'none':
      return remedy;
  }
}
