import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '@onewindow/domain';
import { ForbiddenError, UnauthenticatedError } from '@onewindow/domain/errors';
import type { SignedInAccount } from '@onewindow/auth';

/** The signed-in member of staff, or the sign-in page (the page filter redirects there). */
export function staffOf(request: FastifyRequest): SignedInAccount {
  const account = request.account;
  if (!account || account.kind !== 'staff') throw new UnauthenticatedError();
  return account;
}

/** Where a member of staff starts the day: the first of these their roles allow. */
const HOME_BY_ROLE: ReadonlyArray<[StaffRole, string]> = [
  ['window_clerk', '/workbench'],
  ['reviewer', '/workbench'],
  ['section_head', '/workbench'],
  ['seal_officer', '/workbench'],
  ['helper', '/workbench'],
  ['seal_vendor', '/seal-orders'],
  ['leadership', '/reports/dashboard'],
  ['administrator', '/admin'],
];

export function homeOf(account: { roles: readonly string[] }): string {
  return HOME_BY_ROLE.find(([role]) => account.roles.includes(role))?.[1] ?? '/workbench';
}

/** Refuses a page to a member of staff who holds none of the roles (the API's @Roles, for pages that branch). */
export function requireRole(account: SignedInAccount, ...roles: StaffRole[]): void {
  if (!roles.some((role) => account.roles.includes(role))) throw new ForbiddenError();
}
