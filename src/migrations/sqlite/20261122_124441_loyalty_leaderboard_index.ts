import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`account_createdAt_member_organisation_qualifyingAmount_idx\` ON \`loyalty_ledger\` (\`account\`,\`created_at\`,\`member_id\`,\`organisation_id\`,\`qualifying_amount\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`account_createdAt_member_organisation_qualifyingAmount_idx\`;`)
}
