import type { FormClass } from '../forms/form-class';

/** The eight services of DESIGN.md; a code is stable for ever (URLs, stored files, job payloads). */
export const SERVICE_CODES = [
  'business-license',
  'food-business',
  'investment-filing',
  'land-planning',
  'engineering-planning',
  'construction',
  'non-enterprise',
  'social-group',
] as const;
export type ServiceCode = (typeof SERVICE_CODES)[number];

/** The precheck queue a service's files go through. */
export type QueueFamily = 'business-license' | 'food-permit' | 'planning-permit' | 'social-org';

export type Limit = { days: number; unit: 'working' | 'calendar' };

/**
 * How a licence number is made (numbering.ts): a credit code (91/92, 52, 51), JY + 14 digits,
 * the 24-character project code, 地字第…号, 建字第…号, or the 18-digit construction permit number.
 */
export type NumberFormat =
  | 'uscc'
  | 'food-permit'
  | 'project-code'
  | 'land-planning-permit'
  | 'engineering-planning-permit'
  | 'construction-permit';

export type MaterialDefinition<F extends object = object> = {
  /** Stable code, used by uploads and correction requests. */
  code: string;
  name: string;
  nameEn: string;
  /** Always required; a conditional material says false here and decides with requiredWhen. */
  required: boolean;
  /** When the material applies, in words, if not always. */
  condition?: string;
  conditionEn?: string;
  /** MIME types accepted for upload. */
  accept: string[];
  /**
   * For a conditional material: whether this form needs it. Overrides `required` when a form is
   * at hand. Gets stored, possibly partial or ill-typed data, so it must not trust the types.
   */
  requiredWhen?(form: Partial<F>): boolean;
};

export type LicenseDefinition = {
  title: string;
  titleEn: string;
  /** The certificate layout the documents library renders. */
  layout: string;
  /** null: the licence does not expire. */
  validityYears: number | null;
  /** What limits the licence's life instead, when not a term of years (the construction permit). */
  validityNote?: string;
  validityNoteEn?: string;
  /** The numbering rule that allocates the licence number (numbering.ts). */
  numberFormat: NumberFormat;
};

/** One service, described once: its form, materials, time limits, section and licence. */
export type ServiceDefinition<F extends object = object> = {
  code: ServiceCode;
  name: string;
  nameEn: string;
  /** The reviewing section's code, matched against a reviewer's sections. */
  section: string;
  sectionName: string;
  sectionNameEn: string;
  queue: QueueFamily;
  legalLimit: Limit;
  promisedLimit: Limit;
  /**
   * The shorter promise for a file in the green channel (绿色通道, 减时间): roughly half the
   * promised limit, at least 1 day, in the same unit (local setting).
   */
  greenChannelPromisedLimit: Limit;
  /** How far the legal limit may be extended once, in the legal limit's unit. */
  extensionDays: number;
  /** False when acceptance leads straight to the seal (investment filing). */
  hasReviewStep: boolean;
  materials: MaterialDefinition<F>[];
  form: FormClass<F>;
  license: LicenseDefinition;
  /** The holder named on the licence. */
  holderName(form: F): string;
  guide: { who: string; whoEn: string; fee: string; feeEn: string };
};
