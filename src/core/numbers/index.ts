/** The pipeline numbers (SPEC §2): the Summary's, and the primitives the custom functions use. */
export * from './attention';
export * from './forecast';
export * from './forecast-range';
export * from './funnel';
export * from './history';
export * from './normal';
export * from './owners';
export * from './pipeline';
export * from './probability-check';
export * from './quarter';
export * from './stage-lookup';
export * from './summary';
export * from './value';
export * from './velocity';
export * from './win-rate';
