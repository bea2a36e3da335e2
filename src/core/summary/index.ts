/** The Summary sheet's layout (SPEC §1): pure, from the pipeline numbers to cells and charts. */
export * from './accuracy';
export * from './attention';
export * from './checks';
export * from './data-quality';
export * from './forecast';
export * from './funnel';
export * from './grid';
export * from './kpis';
export * from './layout';
export * from './owners';
