export * from './body';
export * from './config';
export * from './escaping';
export * from './health';
export * from './objects';
export * from './provision';
