export * from './errors';
export { listAll, relativePath, zendeskCall } from './http';
export * from './types';
export * from './webhooks';
export * from './rules';
export * from './fields';
export * from './brands';
export * from './users';
export * from './tickets';
