const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** An 11-digit mainland mobile number starting 13–19. */
export function isMainlandMobile(s: string): boolean {
  return typeof s === 'string' && MAINLAND_MOBILE.test(s);
}
