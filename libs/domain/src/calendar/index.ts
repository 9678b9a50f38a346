export * from './calendar-days';
export * from './clock';
export { isLocalDate, shanghaiDateOf, toShanghaiIso } from './local-time';
export * from './types';
export * from './working-calendar';
