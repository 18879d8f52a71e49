/**
 * ColorBrewer YlGnBu (sequential), light to dark, for 3..9 classes.
 * Colour specifications from ColorBrewer (Cynthia Brewer, Mark Harrower and
 * The Pennsylvania State University, colorbrewer2.org), Apache-2.0 licence.
 */
export const SEQUENTIAL_PALETTES: Readonly<Record<3 | 4 | 5 | 6 | 7 | 8 | 9, readonly string[]>> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
  6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
  7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  8: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  9: ['#ffffd9', '#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'],
};

/** Fill for areas without a value (no merchants, no data). */
export const NO_DATA_COLOR = '#d9dde3';

/**
 * YlGnBu colours for `classes` classes, light to dark. `classes` is floored and
 * clamped to 1..9; 1 class → the darkest 3-class colour, 2 classes → the two
 * darker 3-class colours (the palest yellow is too close to the no-data grey).
 */
export function sequentialColors(classes: number): readonly string[] {
  const n = Number.isFinite(classes) ? Math.min(9, Math.max(1, Math.floor(classes))) : 1;
  switch (n) {
    case 1:
      return SEQUENTIAL_PALETTES[3].slice(2);
    case 2:
      return SEQUENTIAL_PALETTES[3].slice(1);
    case 3:
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
      return SEQUENTIAL_PALETTES[n];
    default:
      return SEQUENTIAL_PALETTES[3];
  }
}
