export * from './calendar-days';
export * from './clock';
export { isLocalDate, toShanghaiIso } from './local-time';
export * from './types';
export * from './working-calendar';
