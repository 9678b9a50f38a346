import { randomInt } from 'node:crypto';
import { usccCheckCharacter } from '@onewindow/domain';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const MAP = '10X98765432';

/** A valid resident ID number with a random sequence (unique enough for one test run). */
export function residentId(birth?: string, division = '140603'): string {
  const born = birth ?? `19${randomInt(50, 99)}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const body = `${division}${born}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  const sum = body.split('').reduce((acc, d, i) => acc + Number(d) * W[i], 0);
  return body + MAP[sum % 11];
}

export function mobile(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** Chinese-only entity names (no digits or Latin letters allowed in names). */
const SYLLABLES = '晋北朔平鲁桑干恒山雁门塞外黄河汾阳云冈五台太行吕梁沁源长治运城临汾阳泉忻州大同';
export function entityName(form = '有限公司'): string {
  let core = '';
  for (let i = 0; i < 6; i++) core += SYLLABLES[randomInt(0, SYLLABLES.length)];
  return `朔州市平鲁区${core}新材料${form}`;
}

export function validUscc(prefix = '91', division = '140603'): string {
  const first17 = `${prefix}${division}MA0000${String(randomInt(0, 100)).padStart(2, '0')}X`.slice(0, 17);
  return first17 + usccCheckCharacter(first17);
}

export function businessLicenseForm(overrides: Partial<Record<string, unknown>> = {}) {
  const id = residentId('19800512');
  return {
    name: entityName(),
    entityType: 'limited_company',
    domicile: '山西省朔州市平鲁区北坪循环经济园区1号',
    businessScope: { general: ['新材料技术研发', '技术服务、技术开发、技术咨询'], licensed: [] },
    registeredCapital: '500',
    legalRepresentative: { name: '刘建海', idNumber: id, phone: mobile() },
    shareholders: [{ name: '刘建海', idNumber: id, contribution: '500' }],
    term: { from: '2026-12-01', to: null },
    ...overrides,
  };
}
