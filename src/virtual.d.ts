declare module 'virtual:color-schemes' {
  type Palettes = readonly (readonly string[])[];
  /** d3-scale-chromatic's sequential schemes by name; see scripts/vite/color-schemes.ts. */
  const schemes: {
    Blues: Palettes;
    Greens: Palettes;
    Oranges: Palettes;
    Purples: Palettes;
    YlGnBu: Palettes;
    YlOrRd: Palettes;
  };
  export default schemes;
}

declare module 'virtual:tile-origins' {
  /** Origins the CSP allows online basemap tiles from (PARK_ATLAS_TILE_ORIGINS); see csp.ts. */
  const origins: readonly string[];
  export default origins;
}

declare module 'virtual:data-origins' {
  /** Origins `?data=` may fetch from once the user confirms (PARK_ATLAS_DATA_ORIGINS); csp.ts. */
  const origins: readonly string[];
  export default origins;
}
