import * as ENTITY_CLASSES from './entity-classes';

export * from './entity-classes';
export type { CorrectionItem } from './correction.entity';
export type { FollowUpStatus } from './rating.entity';

/** Every entity TypeORM maps: all that entity-classes.ts exports. */
export const ENTITIES = Object.values(ENTITY_CLASSES);
