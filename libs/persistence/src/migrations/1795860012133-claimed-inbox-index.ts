import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Claimed by me" in the inbox and the workbench's count of it: with only the queue index, a
 * clerk holding a few files had the whole of their queue walked to find them (about 1 file in
 * 50 is theirs at 1M). Keyed by the holder first, each state's branch is an exact range in the
 * inbox's order (green channel first, then due time). Unclaimed files (most of the table) stay out.
 */
export class ClaimedInboxIndex1795860012133 implements MigrationInterface {
    name = 'ClaimedInboxIndex1795860012133';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE INDEX \"applications_claimed_inbox_idx\" ON \"applications\" (\"claim_holder_id\", \"state\", \"green_channel\" DESC, \"due_at\" ASC NULLS LAST, \"id\") WHERE \"claim_holder_id\" IS NOT NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"applications_claimed_inbox_idx\"");
    }
}
