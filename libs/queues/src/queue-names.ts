/**
 * Queue and job names are stored in Redis with every queued job: renaming one orphans the jobs
 * already waiting under the old name. Add new names; never rename.
 */
export const QUEUES = {
  businessLicense: 'business-license',
  foodPermit: 'food-permit',
  planningPermit: 'planning-permit',
  socialOrg: 'social-org',
  issuance: 'issuance',
  deadlines: 'deadlines',
  notifications: 'notifications',
  sealCarving: 'seal-carving',
  reports: 'reports',
  maintenance: 'maintenance',
  documents: 'documents',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The four family queues that run precheck, one per group of services (DESIGN.md). */
export const FAMILY_QUEUES = [QUEUES.businessLicense, QUEUES.foodPermit, QUEUES.planningPermit, QUEUES.socialOrg] as const;

/** Every queue, in the order of QUEUES (the failed-jobs page lists them so). */
export const ALL_QUEUES: readonly QueueName[] = Object.values(QUEUES);
