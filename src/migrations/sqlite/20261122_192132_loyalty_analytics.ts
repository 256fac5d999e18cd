import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`members\` ADD \`loyalty_last_sign_in_at\` text;`)
  await db.run(sql`CREATE INDEX \`verb_createdAt_member_idx\` ON \`loyalty_activities\` (\`verb\`,\`created_at\`,\`member_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`verb_createdAt_member_idx\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`loyalty_last_sign_in_at\`;`)
}
