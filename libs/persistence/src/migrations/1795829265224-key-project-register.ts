import { MigrationInterface, QueryRunner } from 'typeorm';

export class KeyProjectRegister1795829265224 implements MigrationInterface {
    name = 'KeyProjectRegister1795829265224';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"owner\" text");
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"investment\" numeric(14,4)");
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"planned_start\" date");
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"section\" text");
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"started_on\" date");
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"start_recorded_by\" uuid");
        await queryRunner.query("ALTER TABLE \"key_projects\" ADD \"start_recorded_at\" TIMESTAMP WITH TIME ZONE");
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"start_recorded_at\"");
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"start_recorded_by\"");
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"started_on\"");
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"section\"");
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"planned_start\"");
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"investment\"");
        await queryRunner.query("ALTER TABLE \"key_projects\" DROP COLUMN \"owner\"");
    }
}
