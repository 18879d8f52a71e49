import type { FontFacesSpecification } from 'maplibre-gl';
import latin600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-600-normal.woff2?url';
import latinExt600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-600-normal.woff2?url';
import vietnamese600 from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-600-normal.woff2?url';
import latin500Italic from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-500-italic.woff2?url';
import latinExt500Italic from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-ext-500-italic.woff2?url';
import vietnamese500Italic from '@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-500-italic.woff2?url';

/** Font names used in `text-font`; drawn from bundled files, with no glyph server. */
export const LABEL_FONT = 'Be Vietnam Pro SemiBold';
export const ITALIC_FONT = 'Be Vietnam Pro Italic';

// Unicode ranges of the @fontsource subsets, so each character is drawn from the file that has it.
const VIETNAMESE = ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'];
const LATIN_EXT = ['U+0100-02BA', 'U+02BD-02C5', 'U+02C7-02CC', 'U+02CE-02D7', 'U+02DD-02FF', 'U+1D00-1DBF', 'U+1E00-1E9F', 'U+2020', 'U+20A0-20AA', 'U+20AD-20C0', 'U+2113', 'U+2C60-2C7F', 'U+A720-A7FF'];
const LATIN = ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2191', 'U+2193', 'U+2212', 'U+2215', 'U+FEFF', 'U+FFFD'];

/** The style's `font-faces`, with absolute URLs as MapLibre's workers need. */
export function labelFontFaces(baseUrl: string): FontFacesSpecification {
  const absolute = (url: string) => new URL(url, baseUrl).href;
  const faces = (vietnamese: string, latinExt: string, latin: string) => [
    { url: absolute(vietnamese), 'unicode-range': VIETNAMESE },
    { url: absolute(latinExt), 'unicode-range': LATIN_EXT },
    { url: absolute(latin), 'unicode-range': LATIN },
  ];
  return {
    [LABEL_FONT]: faces(vietnamese600, latinExt600, latin600),
    [ITALIC_FONT]: faces(vietnamese500Italic, latinExt500Italic, latin500Italic),
  };
}
