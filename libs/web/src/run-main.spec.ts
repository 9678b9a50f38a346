import { isDatabaseShutdownError } from './run-main';

describe('isDatabaseShutdownError', () => {
  it('knows the server-side shutdown errors a pg client reports, and nothing else', () => {
    expect(isDatabaseShutdownError({ severity: 'FATAL', code: '57P01', message: 'terminating connection due to administrator command' })).toBe(true);
    expect(isDatabaseShutdownError({ severity: 'FATAL', code: '57P03', message: 'the database system is starting up' })).toBe(true);
    expect(isDatabaseShutdownError({ severity: 'ERROR', code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isDatabaseShutdownError(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseShutdownError(null)).toBe(false);
  });
});
