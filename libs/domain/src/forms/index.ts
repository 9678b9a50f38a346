export * from './messages';
export * from './decorators';
export * from './amount';
export * from './form-class';
export * from './business-license.form';
export * from './validate';
export * from './json-schema';
