import { MigrationInterface, QueryRunner } from 'typeorm';

export class LicensePdfAfterNumber1795827461296 implements MigrationInterface {
    name = 'LicensePdfAfterNumber1795827461296';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_sha256\" DROP NOT NULL");
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_size_bytes\" DROP NOT NULL");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_size_bytes\" SET NOT NULL");
        await queryRunner.query("ALTER TABLE \"licenses\" ALTER COLUMN \"pdf_sha256\" SET NOT NULL");
    }
}
