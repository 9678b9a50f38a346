import type { Actor, StaffRole } from '@onewindow/domain';

/** Who is acting: a signed-in applicant or staff member, or the system (jobs). */
export type ActingAccount =
  | { kind: 'applicant'; id: string; name: string }
  | { kind: 'staff'; id: string; name: string; roles: readonly string[]; sections: readonly string[] }
  | { kind: 'system'; id?: null; name: string };

export const SYSTEM: ActingAccount = { kind: 'system', name: 'OneWindow' };

export function asDomainActor(account: ActingAccount): Actor {
  switch (account.kind) {
    case 'applicant':
      return { kind: 'applicant', id: account.id };
    case 'staff':
      return { kind: 'staff', id: account.id, roles: account.roles as StaffRole[], sections: account.sections };
    case 'system':
      return { kind: 'system' };
  }
}
