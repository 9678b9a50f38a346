export * from './entities';
export * from './data-source';
export * from './database-admin';
export * from './storage/file-storage';
export * from './sql';
export * from './query-logger';
