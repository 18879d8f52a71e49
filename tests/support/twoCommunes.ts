/** Two one-degree square communes side by side (107–108° E and 108–109° E, 16–17° N), as GeoJSON text. */
const square = (west: number) => [[[west, 16], [west + 1, 16], [west + 1, 17], [west, 17], [west, 16]]];

export const TWO_COMMUNES = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { MaXa: '00101', TenXa: 'Xã Một' }, geometry: { type: 'Polygon', coordinates: square(107) } },
    { type: 'Feature', properties: { MaXa: '00102', TenXa: 'Xã Hai' }, geometry: { type: 'Polygon', coordinates: square(108) } },
  ],
});
