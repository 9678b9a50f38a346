import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-service settings an administrator keeps (service_settings), and on each file the values in
 * force when it was submitted. A trigger copies them at submission, whichever path submits (the
 * transition service, assisted filing, the demo and benchmark seeds), so a file keeps the promise
 * it started with; NULL on a file means the catalogue's default, as for every file submitted before.
 */
export class ServiceSettings1795836199370 implements MigrationInterface {
    name = 'ServiceSettings1795836199370';

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query("CREATE TABLE \"service_settings\" (\"service_code\" text NOT NULL, \"promised_days\" integer NOT NULL, \"green_channel_days\" integer NOT NULL, \"required_materials\" text array NOT NULL DEFAULT '{}', \"updated_by\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"service_settings_days\" CHECK (promised_days > 0 AND green_channel_days > 0 AND green_channel_days <= promised_days), CONSTRAINT \"PK_edc4f216c9e75aa2d6cc73c1124\" PRIMARY KEY (\"service_code\"))");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"promised_days\" integer");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"green_channel_days\" integer");
        await queryRunner.query("ALTER TABLE \"applications\" ADD \"required_materials\" text array");
        // No settings row: all three stay NULL (the catalogue's values).
        await queryRunner.query(`
            CREATE FUNCTION applications_record_service_settings() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              SELECT s.promised_days, s.green_channel_days, s.required_materials
                INTO NEW.promised_days, NEW.green_channel_days, NEW.required_materials
                FROM service_settings s WHERE s.service_code = NEW.service_code;
              RETURN NEW;
            END $$`);
        await queryRunner.query(`
            CREATE TRIGGER applications_settings_on_insert BEFORE INSERT ON applications FOR EACH ROW
            WHEN (NEW.submitted_at IS NOT NULL AND NEW.promised_days IS NULL)
            EXECUTE FUNCTION applications_record_service_settings()`);
        await queryRunner.query(`
            CREATE TRIGGER applications_settings_on_submit BEFORE UPDATE OF submitted_at ON applications FOR EACH ROW
            WHEN (OLD.submitted_at IS NULL AND NEW.submitted_at IS NOT NULL)
            EXECUTE FUNCTION applications_record_service_settings()`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query('DROP TRIGGER applications_settings_on_submit ON applications');
        await queryRunner.query('DROP TRIGGER applications_settings_on_insert ON applications');
        await queryRunner.query('DROP FUNCTION applications_record_service_settings()');
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"required_materials\"");
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"green_channel_days\"");
        await queryRunner.query("ALTER TABLE \"applications\" DROP COLUMN \"promised_days\"");
        await queryRunner.query("DROP TABLE \"service_settings\"");
    }
}
