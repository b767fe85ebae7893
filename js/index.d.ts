// Types of the package entry (index.js): the module's own, re-exported.
export * from './cu_cost_table.js';
export { default } from './cu_cost_table.js';
