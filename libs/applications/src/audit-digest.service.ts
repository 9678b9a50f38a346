import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDateOf } from '@onewindow/domain';
import { computeDailyDigest } from './audit-log';

export type DigestCheck = { day: string; status: 'intact' | 'tampered' | 'missing'; stored?: string; actual: string; eventCount: number };

/**
 * Stores one digest per day over all audit events, and checks a day against it. Rows are
 * insert-only for the application's role, so a digest once stored cannot be rewritten.
 */
@Injectable()
export class AuditDigestService {
  constructor(private readonly dataSource: DataSource) {}

  /** Digests `day` (default: yesterday in Asia/Shanghai); a day already digested keeps its first digest. */
  async store(day: string = shanghaiDateOf(new Date(Date.now() - 24 * 3600_000))): Promise<{ day: string; eventCount: number; digest: string }> {
    const { eventCount, digest } = await computeDailyDigest(this.dataSource.manager, day);
    await this.dataSource.query(
      `INSERT INTO audit_daily_digests (day, event_count, digest, computed_at) VALUES ($1, $2, $3, now()) ON CONFLICT (day) DO NOTHING`,
      [day, eventCount, digest],
    );
    return { day, eventCount, digest };
  }

  async check(day: string): Promise<DigestCheck> {
    const [stored]: Array<{ digest: string }> = await this.dataSource.query('SELECT digest FROM audit_daily_digests WHERE day = $1', [day]);
    const { eventCount, digest } = await computeDailyDigest(this.dataSource.manager, day);
    if (!stored) return { day, status: 'missing', actual: digest, eventCount };
    return { day, status: stored.digest === digest ? 'intact' : 'tampered', stored: stored.digest, actual: digest, eventCount };
  }
}
