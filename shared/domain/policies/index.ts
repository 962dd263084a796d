export * from './rules';
export * from './presets';
export * from './effective';
export * from './clock-events';
