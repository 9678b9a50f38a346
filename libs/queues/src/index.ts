export * from './queue-names';
export * from './job-payloads';
export * from './outbox-relay';
export * from './queue-registry';
