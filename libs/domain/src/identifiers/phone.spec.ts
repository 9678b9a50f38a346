import { isMainlandMobile } from './phone';

describe('isMainlandMobile', () => {
  it.each(['13800000000', '19912345678', '15000000000'])('accepts %s', (phone) => {
    expect(isMainlandMobile(phone)).toBe(true);
  });

  it.each(['12800000000', '1380000000', '138000000000', '+8613800000000', '1380000000a', ''])('refuses %p', (phone) => {
    expect(isMainlandMobile(phone)).toBe(false);
  });
});
