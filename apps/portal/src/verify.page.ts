import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VerificationResult } from '@onewindow/applications';
import { getService } from '@onewindow/domain';
import { renderPage } from '@onewindow/web/views';

/**
 * The page a scanned QR code opens, on the shared layout: the answer first and unmistakable,
 * then only what the licence itself states. The layout's language switch keeps `d` and `sig`.
 */
export async function renderVerifyPage(request: FastifyRequest, reply: FastifyReply, result: VerificationResult): Promise<void> {
  const facts: Array<{ key: string; value: string; original?: string; date?: boolean; noExpiry?: boolean }> = [{ key: 'application.license_number', value: result.licenseNumber }];
  if (result.status !== 'not_genuine') {
    // The licence's title is printed in Chinese; in English, its English name, with the printed title beside it to compare.
    const license = result.service ? getService(result.service)?.license : undefined;
    const title = request.locale === 'en' && license ? { value: license.titleEn, original: license.title } : { value: result.serviceName ?? '' };
    facts.push(
      { key: 'verify_page.service', ...title },
      { key: 'verify_page.holder', value: result.holderName ?? '' },
      { key: 'application.license_issued', value: result.issuedAt ?? '', date: true },
    );
    facts.push(result.validUntil ? { key: 'application.license_valid_until', value: result.validUntil, date: true } : { key: 'application.license_valid_until', value: '', noExpiry: true });
    if (result.revokedAt) facts.push({ key: 'application.license_revoked', value: result.revokedAt, date: true });
  }
  await renderPage(request, reply, 'portal/verify-result.njk', { result, facts });
}
