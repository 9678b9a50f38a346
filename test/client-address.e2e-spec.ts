import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mobile } from './support/factories';
import { Harness, startHarness } from './support/harness';

/**
 * The sign-in limits count per client address, so the address must be one a client cannot choose:
 * X-Forwarded-For is believed only from the proxies TRUST_PROXY names (tests: loopback, which is
 * where Fastify's inject comes from). From anyone else it is ignored.
 */
describe('the client address behind the sign-in limits cannot be spoofed', () => {
  let h: Harness;
  let limit: number;

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    limit = h.config.LOGIN_MAX_FAILURES_PER_ADDRESS;
  });

  afterAll(async () => {
    await h?.close();
  });

  /** A failed sign-in as a new account each time (so only the per-address limit can bite), from a socket address with an X-Forwarded-For. */
  const failedSignIn = async (app: NestFastifyApplication, body: Record<string, string>, remoteAddress: string, forwardedFor: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      payload: JSON.stringify(body),
    });
    return { status: response.statusCode, body: response.json() as { error: string } };
  };
  const applicant = () => ({ phone: mobile(), password: 'not-anybodys-password' });
  let staffCounter = 0;
  const staff = () => ({ username: `nobody-${++staffCounter}-${Date.now()}`, password: 'not-anybodys-password' });

  it('a client that is not a trusted proxy gets no fresh start from a new X-Forwarded-For on each try (portal and back office)', async () => {
    for (const [app, body, client] of [
      [h.portal, applicant, '198.51.100.21'],
      [h.backoffice, staff, '198.51.100.22'],
    ] as const) {
      for (let i = 0; i < limit; i++) expect((await failedSignIn(app, body(), client, `192.0.2.${i + 1}`)).status).toBe(401);
      const next = await failedSignIn(app, body(), client, '192.0.2.99');
      expect(next.status).toBe(429);
      expect(next.body.error).toBe('rate_limited');
    }
  });

  it('behind a trusted proxy, the address the proxy appended counts, not one the client put in front of it', async () => {
    const client = '198.51.100.31';
    for (let i = 0; i < limit; i++) expect((await failedSignIn(h.portal, applicant(), '127.0.0.1', `192.0.2.${i + 1}, ${client}`)).status).toBe(401);
    expect((await failedSignIn(h.portal, applicant(), '127.0.0.1', `192.0.2.200, ${client}`)).status).toBe(429);
  });

  it('behind a trusted proxy, two clients are two addresses: one being limited does not block the other', async () => {
    for (let i = 0; i <= limit; i++) await failedSignIn(h.portal, applicant(), '127.0.0.1', '198.51.100.41');
    expect((await failedSignIn(h.portal, applicant(), '127.0.0.1', '198.51.100.41')).status).toBe(429);
    expect((await failedSignIn(h.portal, applicant(), '127.0.0.1', '198.51.100.42')).status).toBe(401);
  });
});
