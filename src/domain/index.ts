// The domain model: types and schemas of network, orders, stock and plan. Pure.
export * from './primitives.js';
export * from './network.js';
export * from './orders.js';
export * from './plan.js';
export * from './errors.js';
export * from './network-index.js';
export * from './measure.js';
