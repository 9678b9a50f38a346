"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const node_crypto_1 = require("node:crypto");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const config_1 = require("../libs/config/src/index.js");
const persistence_1 = require("../libs/persistence/src/index.js");
async function main() {
    const name = process.argv[2];
    if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name))
        throw new Error('usage: generate-migration <PascalCaseName>');
    const config = (0, config_1.loadConfig)();
    const database = `onewindow_gen_${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
    const withDb = (url) => {
        const u = new URL(url);
        u.pathname = `/${database}`;
        return u.toString();
    };
    const urls = { adminUrl: config.DATABASE_ADMIN_URL, ownerUrl: withDb(config.DATABASE_OWNER_URL), appUrl: withDb(config.DATABASE_URL) };
    await (0, persistence_1.ensureDatabase)(urls);
    try {
        await (0, persistence_1.runMigrations)(urls);
        const { up, down } = await (0, persistence_1.pendingSchemaChanges)(urls.ownerUrl);
        if (up.length === 0) {
            console.log('Entities and migrations agree: nothing to generate.');
            return;
        }
        const timestamp = Date.now();
        const className = `${name}${timestamp}`;
        const q = (sql) => `        await queryRunner.query(${JSON.stringify(sql)});`;
        const source = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
    name = '${className}';

    public async up(queryRunner: QueryRunner): Promise<void> {
${up.map(q).join('\n')}
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
${down.reverse().map(q).join('\n')}
    }
}
`;
        const file = (0, node_path_1.join)(__dirname, '..', '..', 'libs', 'persistence', 'src', 'migrations', `${timestamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}.ts`);
        (0, node_fs_1.writeFileSync)(file, source);
        console.log(`Wrote ${file}\nAdd ${className} to libs/persistence/src/migrations/index.ts.`);
    }
    finally {
        await (0, persistence_1.dropDatabase)(config.DATABASE_ADMIN_URL, database);
    }
}
main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
});
