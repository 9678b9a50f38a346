import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each(['123456789a', 'woaini1314', 'qq123456789', '1qaz2wsx3edc', 'Password123', 'WOAINI1314!', 'iloveyou520', '0987654321', 'zyxwvutsrqpo', 'abababababab'])(
    'refuses the common or trivial %s',
    (password) => expect(passwordProblem(password)).toBe('fields.password_common'),
  );

  it('refuses short passwords and the person’s own numbers', () => {
    expect(passwordProblem('Ab1!')).toBe('fields.password_too_short');
    expect(passwordProblem('call-me-13800000000', ['13800000000'])).toBe('fields.password_personal');
    expect(passwordProblem('x11010519491231002x', ['11010519491231002X'])).toBe('fields.password_personal');
  });

  it.each(['long-enough-password', 'Test-Staff-Pass-2026', 'Demo-Pass-2026!', 'my-new-password-1', '晋北新材料有限公司的密码'])('accepts %s', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
