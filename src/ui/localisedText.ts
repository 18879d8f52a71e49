import type { LocalisedText } from '../core/manifest/types.ts';
import type { Language } from '../i18n/messages.ts';

/** The text of a manifest field in the interface language. */
export function localisedText(text: LocalisedText, lang: Language): string {
  return typeof text === 'string' ? text : text[lang];
}
