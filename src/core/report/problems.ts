/** Which input a problem was found in. */
export type DataFile = 'project' | 'areas' | 'merchants' | 'markets' | 'streets';

/** Why a row or feature was not used, or was changed; each code has a sentence in the message catalogue. */
export type ProblemCode =
  | 'csv-unclosed-quote'
  | 'csv-field-count'
  | 'csv-missing-column'
  | 'csv-duplicate-header'
  | 'csv-empty'
  | 'merchant-bad-coordinates'
  | 'merchant-outside-areas'
  | 'merchant-outside-areas-by-code'
  | 'merchant-unknown-area-code'
  | 'merchant-unknown-area-name'
  | 'merchant-matched-by-padded-code'
  | 'merchant-matched-by-name'
  | 'merchant-codes-other-system'
  | 'merchant-no-location'
  | 'merchant-unknown-category'
  | 'merchant-bad-qr-value'
  | 'feature-no-geometry'
  | 'feature-wrong-geometry'
  | 'feature-invalid-geometry'
  | 'feature-missing-code'
  | 'feature-duplicate-code'
  | 'feature-target-percent'
  | 'geojson-wrapped'
  | 'geojson-ignored-members'
  | 'geojson-bad-bbox'
  | 'geojson-lat-lon-swapped'
  | 'geojson-projected'
  | 'feature-not-object'
  | 'feature-wrong-type'
  | 'feature-bad-properties'
  | 'feature-bad-id'
  | 'feature-unknown-geometry-type'
  | 'feature-no-coordinates'
  | 'feature-coordinates-too-deep'
  | 'feature-coordinates-too-shallow'
  | 'feature-bad-coordinates'
  | 'feature-ring-not-closed'
  | 'feature-ring-too-short'
  | 'feature-line-too-short'
  | 'feature-3d-trimmed'
  | 'feature-collection-flattened'
  | 'feature-multi-part-joined'
  | 'feature-multi-part'
  | 'aggregate-bad-count'
  | 'aggregate-inconsistent-count'
  | 'geojson-invalid';

/** Rejected: the row or feature is not used. Changed: used after a change. Notice: a hint about the whole file. */
export type Severity = 'rejected' | 'changed' | 'notice';

/** One row or feature that was not used (rejected) or used after a change (changed). */
export interface DataProblem {
  readonly file: DataFile;
  readonly code: ProblemCode;
  readonly severity: Severity;
  /** Physical line in a CSV file, 1-based. */
  readonly line?: number;
  /** Index of a feature in a GeoJSON file, 0-based. */
  readonly feature?: number;
  /** The offending value or field, shown as text. */
  readonly detail?: string;
}

/** Counts for one input file: rows in the file = loaded + rejected. */
export interface FileSummary {
  readonly file: DataFile;
  readonly rows: number;
  readonly loaded: number;
  readonly rejected: number;
}
