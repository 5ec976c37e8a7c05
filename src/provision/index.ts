export * from './apply';
export * from './coexistence';
export * from './plan';
export * from './types';
