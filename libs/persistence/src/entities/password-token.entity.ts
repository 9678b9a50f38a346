import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A one-time link (sent by SMS) that lets a person set their password. Only its hash is stored. */
@Entity('password_tokens')
export class PasswordTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Index('password_tokens_account_idx')
  @Column({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
