// Input and output formats at the edge: CSV, located parse errors, loading the input files.
export * from './csv.js';
export * from './problems.js';
export * from './json-text.js';
export * from './csv-table.js';
export * from './network.js';
export * from './orders.js';
export * from './stock.js';
export * from './load.js';
