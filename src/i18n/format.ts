import { CATALOGUES, type Language, type MessageKey } from './messages.ts';

export const LOCALES: Readonly<Record<Language, string>> = { vi: 'vi-VN', en: 'en-GB' };

export interface Formatter {
  readonly lang: Language;
  /** BCP 47 locale of the language, e.g. vi-VN. */
  readonly locale: string;
  /** The message for a key with `{name}` placeholders filled in (as text, never HTML). */
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  /** 1.234.567 in Vietnamese, 1,234,567 in English. */
  number(value: number): string;
  /** A rate in 0..1 as a percentage with one decimal (73,5%); "–" when not a number. */
  percent(value: number): string;
  /** Sorts names the way the language does (Vietnamese letters and tones). */
  compare(a: string, b: string): number;
}

const cache = new Map<Language, Formatter>();

export function formatterFor(lang: Language): Formatter {
  const cached = cache.get(lang);
  if (cached) return cached;
  const locale = LOCALES[lang];
  const catalogue = CATALOGUES[lang];
  const numbers = new Intl.NumberFormat(locale);
  const percents = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const formatter: Formatter = {
    lang,
    locale,
    t(key, params) {
      const template = catalogue[key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = params[name];
        return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
      });
    },
    number: (value) => numbers.format(value),
    percent: (value) => (Number.isFinite(value) ? percents.format(value) : '–'),
    compare: (a, b) => collator.compare(a, b),
  };
  cache.set(lang, formatter);
  return formatter;
}
