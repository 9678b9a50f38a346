import type { ApplicationAction, ApplicationState, StaffRole } from '@onewindow/domain';
import { ActingAccount } from './acting-account';

type Staff = Extract<ActingAccount, { kind: 'staff' }>;

/** The one place that says which staff may see files and which queue each role works. */
const ROLES_THAT_SEE_FILES: readonly StaffRole[] = ['window_clerk', 'reviewer', 'section_head', 'seal_officer', 'helper', 'administrator'];

/** Which role works which queue state. */
export const QUEUE_OF_ROLE: Partial<Record<StaffRole, ApplicationState>> = {
  window_clerk: 'awaiting_acceptance',
  reviewer: 'under_review',
  seal_officer: 'awaiting_seal',
};

/** The role that acts on a file in each queue state (claims follow this). */
const ROLE_OF_QUEUE: Partial<Record<ApplicationState, StaffRole>> = {
  awaiting_acceptance: 'window_clerk',
  under_review: 'reviewer',
  awaiting_seal: 'seal_officer',
};

export function staffMaySeeFiles(staff: Staff): boolean {
  return staff.roles.some((role) => (ROLES_THAT_SEE_FILES as readonly string[]).includes(role));
}

/** May this staff member claim a file in this state and section? */
export function staffMayWork(staff: Staff, state: ApplicationState, section: string): boolean {
  const role = ROLE_OF_QUEUE[state];
  if (!role || !staff.roles.includes(role)) return false;
  return role !== 'reviewer' || staff.sections.includes(section);
}

/** Roles that may ever claim anything: any other role gets 403 before any file is read. */
export function staffMayEverClaim(staff: Staff): boolean {
  return Object.values(ROLE_OF_QUEUE).some((role) => role && staff.roles.includes(role));
}

/** The queue states a staff member works, for the inbox. */
export function queueStatesOf(staff: Staff): ApplicationState[] {
  return (Object.entries(QUEUE_OF_ROLE) as Array<[StaffRole, ApplicationState]>)
    .filter(([role]) => staff.roles.includes(role))
    .map(([, state]) => state);
}

export type { ApplicationAction };
