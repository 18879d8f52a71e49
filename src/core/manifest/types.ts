import type { CategoryId } from '../ids.ts';

/** Text in both interface languages; a plain string is used for both. */
export type LocalisedText = string | { readonly vi: string; readonly en: string };

export type ClassificationMethod = 'quantile' | 'equal-interval' | 'jenks';

export interface CategoryDefinition {
  readonly id: CategoryId;
  readonly label: { readonly vi: string; readonly en: string };
  /** CSS hex colour, the same wherever the category appears. */
  readonly color: string;
}

export interface AreasSource {
  readonly url: string;
  /** Feature property holding the area code (a string; leading zeros are kept). */
  readonly codeProperty: string;
  readonly nameProperty: string;
  /** Administrative level of the features: 'province', 'district' (legacy) or 'ward' (ward/commune). */
  readonly level: 'province' | 'district' | 'ward';
  /** Code system the file uses, e.g. '2025' for Decision 19/2025/QĐ-TTg codes or 'legacy'. */
  readonly adminSystem: string;
}

/** CSV header of each merchant field; absent optional fields are not read. */
export interface MerchantColumns {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly lat: string;
  readonly lon: string;
  readonly hasQr: string;
  readonly areaCode?: string;
  /** Area name, used when neither coordinates nor a known code place the row. */
  readonly areaName?: string;
  readonly qrProvider?: string;
  readonly marketId?: string;
  readonly streetId?: string;
  readonly txCountMonth?: string;
}

export interface MerchantsSource {
  readonly url: string;
  readonly columns: Partial<MerchantColumns>;
}

export interface FeatureSource {
  readonly url: string;
  readonly idProperty: string;
  readonly nameProperty: string;
}

export interface ClassificationSettings {
  readonly method: ClassificationMethod;
  readonly classes: number;
}

/** One dashboard: its title, data files, categories and map settings. */
export interface ProjectManifest {
  readonly version: 1;
  readonly title: LocalisedText;
  /** True for synthetic demonstration data; the UI labels it as sample data. */
  readonly sample: boolean;
  readonly areas: AreasSource;
  readonly merchants: MerchantsSource;
  readonly markets?: FeatureSource;
  readonly streets?: FeatureSource;
  readonly categories: readonly CategoryDefinition[];
  readonly classification: ClassificationSettings;
}
