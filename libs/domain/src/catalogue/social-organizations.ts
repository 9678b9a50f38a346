/** What the two social-organisation services (non-enterprise, social-group) share. */

import { SCANS_OR_E_DOCUMENT } from './file-types';
import type { MaterialDefinition } from './types';

/** Registered by the social organisations section; limits in calendar days (the registration regulations). */
export const SOCIAL_ORGANIZATIONS = {
  section: 'social_organizations',
  sectionName: '社会组织科',
  sectionNameEn: 'Social Organizations Section',
  queue: 'social-org',
} as const;

/** A sponsoring unit was named: its approval is then required. */
function hasSponsor(form: Partial<{ sponsoringUnit?: string }>): boolean {
  return typeof form.sponsoringUnit === 'string' && form.sponsoringUnit.trim() !== '';
}

export function sponsorApproval<F extends { sponsoringUnit?: string }>(): MaterialDefinition<F> {
  return {
    code: 'sponsor_approval',
    name: '业务主管单位的批准文件',
    nameEn: "The sponsoring unit's approval",
    required: false,
    condition: '有业务主管单位的',
    conditionEn: 'When there is a sponsoring unit',
    accept: SCANS_OR_E_DOCUMENT,
    requiredWhen: hasSponsor,
  };
}
