export * from './state-machine';
export * from './identifiers';
export * from './forms';
export * from './catalogue';
export * from './names';
export * from './numbering';
export * from './calendar';
export * from './notices';
