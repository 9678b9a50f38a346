import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationDelivery1795836292417 implements MigrationInterface {
    name = 'NotificationDelivery1795836292417';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"notifications\" ADD \"attempts\" integer NOT NULL DEFAULT '0'");
        await queryRunner.query("ALTER TABLE \"notifications\" ADD \"last_error\" text");
        await queryRunner.query("ALTER TABLE \"notifications\" ADD \"given_up_at\" TIMESTAMP WITH TIME ZONE");
        // Messages recorded before there were senders are history, not work: sending a stale
        // set-password link or reminder now would mislead.
        await queryRunner.query("UPDATE \"notifications\" SET \"given_up_at\" = now(), \"last_error\" = 'recorded before messages were sent' WHERE \"sent_at\" IS NULL");
        await queryRunner.query("CREATE INDEX \"notifications_unsent_idx\" ON \"notifications\" (\"created_at\") WHERE sent_at IS NULL AND given_up_at IS NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"public\".\"notifications_unsent_idx\"");
        await queryRunner.query("ALTER TABLE \"notifications\" DROP COLUMN \"given_up_at\"");
        await queryRunner.query("ALTER TABLE \"notifications\" DROP COLUMN \"last_error\"");
        await queryRunner.query("ALTER TABLE \"notifications\" DROP COLUMN \"attempts\"");
    }
}
