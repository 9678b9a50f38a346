import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICES, STAFF_ROLES, StaffRole } from '@onewindow/domain';
import { ConflictError, NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { AccountsService, hashPassword, passwordProblem } from '@onewindow/auth';
import { AccountEntity } from '@onewindow/persistence';
import { appendAuditEvent } from './audit-log';
import type { StaffAccount } from './staff-workflow.service';

/** A section of the bureau (the catalogue's reviewing sections), by code. */
export interface Section {
  code: string;
  name: string;
  nameEn: string;
}

export const SECTIONS: readonly Section[] = SERVICES.reduce<Section[]>(
  (all, s) => (all.some((x) => x.code === s.section) ? all : [...all, { code: s.section, name: s.sectionName, nameEn: s.sectionNameEn }]),
  [],
);

/** Roles whose work is per section: such an account needs at least one. */
export const SECTIONED_ROLES: readonly StaffRole[] = ['reviewer', 'section_head'];

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const STAFF_NAME_MAX_LENGTH = 50;

export interface StaffAccountView {
  id: string;
  username: string;
  name: string;
  roles: StaffRole[];
  sections: string[];
  disabledAt: string | null;
  createdAt: string;
}

interface StaffInput {
  username?: unknown;
  name?: unknown;
  roles?: unknown;
  sections?: unknown;
  password?: unknown;
}

const toView = (a: AccountEntity): StaffAccountView => ({
  id: a.id,
  username: a.username ?? '',
  name: a.name,
  roles: a.roles.filter((r): r is StaffRole => (STAFF_ROLES as readonly string[]).includes(r)),
  sections: [...a.sections],
  disabledAt: a.disabledAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * Administrators' work on staff accounts: create (with an initial password the policy accepts),
 * roles and sections, password reset, disable. Every change is an audit event; a reset or a
 * disable ends the person's sessions at once. Problems are 400s naming the field.
 */
@Injectable()
export class StaffAccountsService {
  private readonly logger = new Logger('StaffAccounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
  ) {}

  async list(): Promise<StaffAccountView[]> {
    const rows = await this.dataSource.getRepository(AccountEntity).find({ where: { kind: 'staff' }, order: { username: 'ASC' } });
    return rows.map(toView);
  }

  async get(id: string): Promise<StaffAccountView> {
    return toView(await this.find(id));
  }

  async create(admin: StaffAccount, input: StaffInput): Promise<StaffAccountView> {
    const fields: Record<string, string> = {};
    const username = typeof input.username === 'string' ? input.username.trim().toLowerCase() : '';
    if (!USERNAME_PATTERN.test(username)) fields.username = 'admin.staff.username_invalid';
    const name = nameOf(input.name, fields);
    const { roles, sections } = rolesAndSections(input, fields);
    const password = typeof input.password === 'string' ? input.password : '';
    const problem = passwordProblem(password, [username, name]);
    if (problem) fields.password = problem === 'fields.password_personal' ? 'admin.staff.password_personal' : problem;
    if (Object.keys(fields).length > 0) throw new ValidationFailedError(fields);
    const passwordHash = await hashPassword(password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const saved = await em.getRepository(AccountEntity).save(em.getRepository(AccountEntity).create({ kind: 'staff', username, name, roles, sections, passwordHash }));
        await appendAuditEvent(em, { applicationId: null, actor: admin, action: 'staff_account_created', data: { accountId: saved.id, username, roles, sections } });
        this.logger.log(`${admin.name} (${admin.id}) created staff account ${username} with roles ${roles.join(',')}`);
        return toView(saved);
      });
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'accounts_username_key') throw new ValidationFailedError({ username: 'admin.staff.username_taken' });
      throw error;
    }
  }

  /** Name, roles and sections; they apply from the person's next request (sessions read the account each time). */
  async update(admin: StaffAccount, id: string, input: StaffInput): Promise<StaffAccountView> {
    const fields: Record<string, string> = {};
    const name = nameOf(input.name, fields);
    const { roles, sections } = rolesAndSections(input, fields);
    // An administrator never locks the bureau, or themselves, out of administration by mistake.
    if (id === admin.id && !roles.includes('administrator')) fields.roles = 'admin.staff.keep_own_admin';
    if (Object.keys(fields).length > 0) throw new ValidationFailedError(fields);
    return this.dataSource.transaction(async (em) => {
      const before = await this.find(id);
      await em.getRepository(AccountEntity).update({ id: before.id }, { name, roles, sections });
      await appendAuditEvent(em, {
        applicationId: null,
        actor: admin,
        action: 'staff_account_changed',
        data: { accountId: before.id, username: before.username, before: { name: before.name, roles: before.roles, sections: before.sections }, after: { name, roles, sections } },
      });
      return toView(Object.assign(before, { name, roles, sections }));
    });
  }

  /** Sets a new initial password (checked by the policy) and ends every session of the account. */
  async resetPassword(admin: StaffAccount, id: string, password: unknown): Promise<void> {
    const account = await this.find(id);
    const text = typeof password === 'string' ? password : '';
    const problem = passwordProblem(text, [account.username, account.name]);
    if (problem) throw new ValidationFailedError({ password: problem === 'fields.password_personal' ? 'admin.staff.password_personal' : problem });
    const passwordHash = await hashPassword(text);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(AccountEntity).update({ id: account.id }, { passwordHash });
      await em.query('DELETE FROM sessions WHERE account_id = $1', [account.id]);
      await appendAuditEvent(em, { applicationId: null, actor: admin, action: 'staff_password_reset', data: { accountId: account.id, username: account.username } });
    });
    this.logger.log(`${admin.name} (${admin.id}) reset the password of staff account ${account.username}`);
  }

  /** Disables the account and ends its sessions at once (AccountsService.disable); never one's own. */
  async disable(admin: StaffAccount, id: string): Promise<StaffAccountView> {
    const account = await this.find(id);
    if (account.id === admin.id) throw new ValidationFailedError({ account: 'admin.staff.cannot_disable_self' });
    await this.accounts.disable(account.id);
    await this.dataSource.transaction((em) =>
      appendAuditEvent(em, { applicationId: null, actor: admin, action: 'staff_account_disabled', data: { accountId: account.id, username: account.username } }),
    );
    this.logger.log(`${admin.name} (${admin.id}) disabled staff account ${account.username}`);
    return this.get(account.id);
  }

  /** Lets a disabled person sign in again (with the password they had, or one reset for them). */
  async enable(admin: StaffAccount, id: string): Promise<StaffAccountView> {
    const account = await this.find(id);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(AccountEntity).update({ id: account.id }, { disabledAt: null });
      await appendAuditEvent(em, { applicationId: null, actor: admin, action: 'staff_account_enabled', data: { accountId: account.id, username: account.username } });
    });
    return this.get(account.id);
  }

  private async find(id: string): Promise<AccountEntity> {
    const account = isUuid(id) ? await this.dataSource.getRepository(AccountEntity).findOneBy({ id, kind: 'staff' }) : null;
    if (!account) throw new NotFoundError();
    return account;
  }
}

function nameOf(value: unknown, fields: Record<string, string>): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name || [...name].length > STAFF_NAME_MAX_LENGTH) fields.name = 'fields.name';
  return name;
}

function rolesAndSections(input: StaffInput, fields: Record<string, string>): { roles: StaffRole[]; sections: string[] } {
  const list = (value: unknown) => (value === undefined || value === null || value === '' ? [] : [value].flat());
  const rawRoles = list(input.roles);
  const rawSections = list(input.sections);
  const roles = STAFF_ROLES.filter((r) => rawRoles.includes(r));
  const sections = SECTIONS.map((s) => s.code).filter((code) => rawSections.includes(code));
  if (roles.length === 0 || roles.length !== new Set(rawRoles).size) fields.roles = 'admin.staff.roles_required';
  if (sections.length !== new Set(rawSections).size) fields.sections = 'fields.invalid';
  else if (roles.some((r) => SECTIONED_ROLES.includes(r)) && sections.length === 0) fields.sections = 'admin.staff.sections_required';
  return { roles, sections };
}
