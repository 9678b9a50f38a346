import { Initial1795824455414 } from './1795824455414-initial';

/** Every migration, in order. Generate a new one with `npm run migration:generate -- <Name>`. */
export const MIGRATIONS: Function[] = [Initial1795824455414];
