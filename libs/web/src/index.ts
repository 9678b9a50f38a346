export * from './i18n';
export * from './api-exception.filter';
export * from './request-validation';
export * from './http-app';
export * from './run-main';
export * from './rate-limit.module';
export * from './json-logger';
