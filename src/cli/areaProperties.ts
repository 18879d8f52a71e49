import type { FeatureInput } from '../core/geo/featureInput.ts';
import { guessAreaProperties } from '../core/geo/guessAreaProperties.ts';
import { CliInputError, propertyNames } from './io.ts';

export interface ChosenProperties {
  readonly codeProperty: string;
  /** The code property itself when the features have no name (areas are then named by their code). */
  readonly nameProperty: string;
  readonly codeGuessed: boolean;
  readonly nameGuessed: boolean;
  readonly hasName: boolean;
}

/**
 * The code and name properties: as given on the command line (they must exist), or guessed.
 * `option` names the command-line option to suggest when the guess fails.
 */
export function chooseProperties(
  path: string,
  features: readonly FeatureInput[],
  given: { code: string | undefined; name: string | undefined },
  options: { code: string; name: string },
  preferred?: { code: string; name: string },
): ChosenProperties {
  const names = propertyNames(features);
  const list = names.length > 0 ? names.join(', ') : '(none)';
  for (const [value, option] of [[given.code, options.code], [given.name, options.name]] as const) {
    if (value !== undefined && !names.includes(value)) throw new CliInputError(`${path}: no feature has the property “${value}” (${option}); properties: ${list}`);
  }
  const guess = guessAreaProperties(features);
  const codeProperty = given.code ?? (preferred && names.includes(preferred.code) ? preferred.code : guess.codeProperty);
  if (codeProperty === null) {
    throw new CliInputError(`${path}: cannot tell which property holds the code; name it with ${options.code} (properties: ${list})`);
  }
  const guessedName = preferred && names.includes(preferred.name) ? preferred.name : guess.nameProperty === codeProperty ? null : guess.nameProperty;
  const nameProperty = given.name ?? guessedName;
  return {
    codeProperty,
    nameProperty: nameProperty ?? codeProperty,
    codeGuessed: given.code === undefined,
    nameGuessed: given.name === undefined,
    hasName: nameProperty !== null,
  };
}
