import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { getService, Limit, MaterialDefinition, SERVICES, ServiceDefinition } from '@onewindow/domain';
import { NotFoundError, ValidationFailedError } from '@onewindow/domain/errors';
import { ApplicationEntity, ServiceSettingEntity } from '@onewindow/persistence';
import { appendAuditEvent } from './audit-log';
import type { StaffAccount } from './staff-workflow.service';

/** The audit action of a settings change (applicationId null, like the calendar's). */
export const SERVICE_SETTINGS_CHANGED = 'service_settings_changed';

export interface ServiceSettingsValues {
  promisedDays: number;
  greenChannelDays: number;
  /** Optional materials the bureau requires always. */
  requiredMaterials: string[];
}

export interface ServiceSettingsView extends ServiceSettingsValues {
  serviceCode: string;
  /** The catalogue's unit for both limits (a setting changes the days, never the unit). */
  unit: Limit['unit'];
  legalLimit: Limit;
  defaults: ServiceSettingsValues;
  /** False while the service runs on the catalogue's defaults. */
  customized: boolean;
  /** The materials a setting may require: those the catalogue does not require always. */
  optionalMaterials: Array<Pick<MaterialDefinition, 'code' | 'name' | 'nameEn' | 'condition' | 'conditionEn'>>;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface ServiceSettingsChange {
  at: string;
  by: string | null;
  before: ServiceSettingsValues;
  after: ServiceSettingsValues;
}

const defaultsOf = (service: ServiceDefinition): ServiceSettingsValues => ({
  promisedDays: service.promisedLimit.days,
  greenChannelDays: service.greenChannelPromisedLimit.days,
  requiredMaterials: [],
});

const optionalMaterialsOf = (service: ServiceDefinition) => service.materials.filter((m) => !m.required);

/**
 * Per-service settings (promised days, green-channel days, optional materials required), kept by
 * administrators with an audit event per change. Files take the values in force at their
 * submission (a trigger copies them onto the file); the clock reads them through promisedLimitOf.
 */
@Injectable()
export class ServiceSettingsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<ServiceSettingsView[]> {
    const rows = await this.dataSource.getRepository(ServiceSettingEntity).find();
    const names = await this.namesOf(rows.map((r) => r.updatedBy));
    return SERVICES.map((service) => viewOf(service, rows.find((r) => r.serviceCode === service.code) ?? null, names));
  }

  async get(serviceCode: string): Promise<ServiceSettingsView> {
    const service = serviceOrNotFound(serviceCode);
    const row = await this.dataSource.getRepository(ServiceSettingEntity).findOneBy({ serviceCode: service.code });
    return viewOf(service, row, await this.namesOf([row?.updatedBy ?? null]));
  }

  /** Changes a service's settings; 400 naming the field for a value out of range. Files already submitted keep theirs. */
  async update(admin: StaffAccount, serviceCode: string, input: { promisedDays: unknown; greenChannelDays: unknown; requiredMaterials: unknown }): Promise<ServiceSettingsView> {
    const service = serviceOrNotFound(serviceCode);
    const after = validate(service, input);
    await this.dataSource.transaction(async (em) => {
      const repo = em.getRepository(ServiceSettingEntity);
      // The row lock (or, for a first setting, the insert's key) orders two administrators' changes.
      const previous = await repo.findOne({ where: { serviceCode: service.code }, lock: { mode: 'pessimistic_write' } });
      const before = previous ? valuesOf(previous) : defaultsOf(service);
      await em.query(
        `INSERT INTO service_settings (service_code, promised_days, green_channel_days, required_materials, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (service_code) DO UPDATE SET promised_days = EXCLUDED.promised_days, green_channel_days = EXCLUDED.green_channel_days,
           required_materials = EXCLUDED.required_materials, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [service.code, after.promisedDays, after.greenChannelDays, after.requiredMaterials, admin.id],
      );
      await appendAuditEvent(em, { applicationId: null, actor: admin, action: SERVICE_SETTINGS_CHANGED, data: { serviceCode: service.code, before, after } });
    });
    return this.get(service.code);
  }

  /** The latest changes of a service's settings, newest first: who changed what, from what. */
  async history(serviceCode: string, limit = 20): Promise<ServiceSettingsChange[]> {
    const service = serviceOrNotFound(serviceCode);
    const rows: Array<{ at: Date; actor_name: string | null; data: { before: ServiceSettingsValues; after: ServiceSettingsValues } }> = await this.dataSource.query(
      `SELECT at, actor_name, data FROM audit_events
        WHERE application_id IS NULL AND action = $1 AND data->>'serviceCode' = $2 ORDER BY id DESC LIMIT $3`,
      [SERVICE_SETTINGS_CHANGED, service.code, limit],
    );
    return rows.map((r) => ({ at: r.at.toISOString(), by: r.actor_name, before: r.data.before, after: r.data.after }));
  }

  private async namesOf(ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; name: string }> = await this.dataSource.query('SELECT id, name FROM accounts WHERE id = ANY($1::uuid[])', [wanted]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

/**
 * The optional materials a file must also carry: those in force at its submission, or, before it
 * is submitted, the service's current settings. Used by the completeness check (submit, precheck).
 */
export async function materialsRequiredBySettings(
  em: EntityManager,
  app: Pick<ApplicationEntity, 'serviceCode' | 'submittedAt' | 'requiredMaterials'>,
): Promise<MaterialDefinition[]> {
  if (app.submittedAt) return materialsRequiredOf(app, null);
  const [row]: Array<{ required_materials: string[] }> = await em.query('SELECT required_materials FROM service_settings WHERE service_code = $1', [app.serviceCode]);
  return materialsRequiredOf(app, row?.required_materials ?? null);
}

/**
 * The same from settings the caller read: a submitted file's own record, else `inForce` (the
 * service's required_materials now, null without settings).
 */
export function materialsRequiredOf(app: Pick<ApplicationEntity, 'serviceCode' | 'submittedAt' | 'requiredMaterials'>, inForce: string[] | null): MaterialDefinition[] {
  const service = getService(app.serviceCode);
  if (!service) return [];
  const codes = app.submittedAt ? app.requiredMaterials : inForce;
  return codes?.length ? optionalMaterialsOf(service).filter((m) => codes.includes(m.code)) : [];
}

function serviceOrNotFound(code: string): ServiceDefinition {
  const service = typeof code === 'string' ? getService(code) : undefined;
  if (!service) throw new NotFoundError();
  return service;
}

function valuesOf(row: ServiceSettingEntity): ServiceSettingsValues {
  return { promisedDays: row.promisedDays, greenChannelDays: row.greenChannelDays, requiredMaterials: [...row.requiredMaterials] };
}

function viewOf(service: ServiceDefinition, row: ServiceSettingEntity | null, names: Map<string, string>): ServiceSettingsView {
  return {
    serviceCode: service.code,
    ...(row ? valuesOf(row) : defaultsOf(service)),
    unit: service.promisedLimit.unit,
    legalLimit: service.legalLimit,
    defaults: defaultsOf(service),
    customized: row !== null,
    optionalMaterials: optionalMaterialsOf(service).map(({ code, name, nameEn, condition, conditionEn }) => ({ code, name, nameEn, condition, conditionEn })),
    updatedAt: row ? row.updatedAt.toISOString() : null,
    updatedBy: row?.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
  };
}

/** Whole days: the promise within the legal limit (same unit), the green channel within the promise. */
function validate(service: ServiceDefinition, input: { promisedDays: unknown; greenChannelDays: unknown; requiredMaterials: unknown }): ServiceSettingsValues {
  const fields: Record<string, string> = {};
  const days = (value: unknown): number | null => {
    const n = typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value) ? Number(value) : value;
    return typeof n === 'number' && Number.isInteger(n) ? n : null;
  };
  const promisedDays = days(input.promisedDays);
  const greenChannelDays = days(input.greenChannelDays);
  const sameUnit = service.legalLimit.unit === service.promisedLimit.unit;
  if (promisedDays === null || promisedDays < 1 || (sameUnit && promisedDays > service.legalLimit.days)) fields.promisedDays = 'admin.services.promised_range';
  if (greenChannelDays === null || greenChannelDays < 1 || (promisedDays !== null && greenChannelDays > promisedDays)) fields.greenChannelDays = 'admin.services.green_range';
  const listed = input.requiredMaterials === undefined || input.requiredMaterials === null ? [] : [input.requiredMaterials].flat();
  const optional = new Set(optionalMaterialsOf(service).map((m) => m.code));
  if (!listed.every((code) => typeof code === 'string' && optional.has(code))) fields.requiredMaterials = 'admin.services.materials_invalid';
  if (Object.keys(fields).length > 0) throw new ValidationFailedError(fields);
  return { promisedDays: promisedDays!, greenChannelDays: greenChannelDays!, requiredMaterials: [...new Set(listed as string[])].sort() };
}
