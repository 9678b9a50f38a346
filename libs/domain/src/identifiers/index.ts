export * from './uscc';
export * from './resident-id';
export * from './phone';
export * from './real-estate-unit';
export * from './industry-code';
