/**
 * The key two entity names are compared by when checking for duplicates (名称查重): the same
 * name with another organisation form, other spacing or other-width brackets is a duplicate.
 * The division prefix (朔州市平鲁区) is kept: the same trade name in another place is not.
 */

// After NFKC, full-width brackets are ASCII ones. Longest first, so 有限责任公司 wins over 有限公司.
const ORGANIZATION_FORM_SUFFIXES = [
  '股份有限公司',
  '有限责任公司',
  '个人独资企业',
  '(普通合伙)',
  '(有限合伙)',
  '(特殊普通合伙)',
  '个体工商户',
  '有限公司',
  '合伙企业',
  '普通合伙',
  '有限合伙',
  '分公司',
].sort((a, b) => b.length - a.length);

export function normalizeEntityNameForDuplicateCheck(name: string): string {
  let key = name.normalize('NFKC').replace(/\s+/gu, '');
  // Forms can stack (…合伙企业(有限合伙)), so strip until none is left.
  for (let suffix = findSuffix(key); suffix; suffix = findSuffix(key)) key = key.slice(0, -suffix.length);
  return key;
}

function findSuffix(key: string): string | undefined {
  // Never strip the whole name: a name that is only a suffix stays itself.
  return ORGANIZATION_FORM_SUFFIXES.find((suffix) => key.endsWith(suffix) && key.length > suffix.length);
}
