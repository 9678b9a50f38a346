import { MigrationInterface, QueryRunner } from 'typeorm';

export class Ratings1795829110343 implements MigrationInterface {
    name = 'Ratings1795829110343';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"ratings\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"application_id\" uuid NOT NULL, \"account_id\" uuid NOT NULL, \"level\" smallint NOT NULL, \"comment\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"follow_up_status\" text, \"response\" text, \"responded_by\" uuid, \"responded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ratings_follow_up_status\" CHECK (follow_up_status IS NULL OR follow_up_status IN ('open', 'closed')), CONSTRAINT \"ratings_level_range\" CHECK (level BETWEEN 1 AND 5), CONSTRAINT \"PK_0f31425b073219379545ad68ed9\" PRIMARY KEY (\"id\"))");
        await queryRunner.query("CREATE UNIQUE INDEX \"ratings_application_key\" ON \"ratings\" (\"application_id\") ");
        await queryRunner.query("CREATE INDEX \"ratings_follow_up_idx\" ON \"ratings\" (\"follow_up_status\", \"created_at\") ");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("DROP INDEX \"public\".\"ratings_follow_up_idx\"");
        await queryRunner.query("DROP INDEX \"public\".\"ratings_application_key\"");
        await queryRunner.query("DROP TABLE \"ratings\"");
    }
}
