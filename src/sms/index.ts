export * from './model';
export * from './thread';
export * from './consent';
export * from './localtime';
export * from './phone';
export * from './segments';
export * from './guards';
export * from './idempotency';
