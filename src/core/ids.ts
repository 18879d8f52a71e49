/** Branded identifiers so that an area code is never mixed up with a category id or a row index. */
export type AreaCode = string & { readonly __brand: 'AreaCode' };
export type CategoryId = string & { readonly __brand: 'CategoryId' };
export type MarketId = string & { readonly __brand: 'MarketId' };
export type StreetId = string & { readonly __brand: 'StreetId' };

export const areaCode = (value: string): AreaCode => value as AreaCode;
export const categoryId = (value: string): CategoryId => value as CategoryId;
export const marketId = (value: string): MarketId => value as MarketId;
export const streetId = (value: string): StreetId => value as StreetId;
