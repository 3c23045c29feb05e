export * from './common.ts';
export * from './submission.ts';
export * from './problem.ts';
export * from './summary.ts';
export * from './admin.ts';
export * from './reports.ts';
export * from './period.ts';
export * from './services.ts';
