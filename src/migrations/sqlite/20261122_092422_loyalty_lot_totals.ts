import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`partners\` ADD \`loyalty_lots\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`partners\` ADD \`loyalty_due_lots\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`partners\` ADD \`loyalty_due_through\` text;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`loyalty_lots\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`loyalty_due_lots\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`loyalty_due_through\` text;`)
  await db.run(sql`CREATE INDEX \`member_expiresAt_idx\` ON \`loyalty_ledger\` (\`member_id\`,\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`organisation_expiresAt_idx\` ON \`loyalty_ledger\` (\`organisation_id\`,\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`member_createdAt_idx\` ON \`loyalty_ledger\` (\`member_id\`,\`created_at\`);`)
  // Existing accounts: every lot point booked so far (positive earn and adjust entries).
  await db.run(
    sql`UPDATE \`members\` SET \`loyalty_lots\` = coalesce((SELECT sum(\`amount\`) FROM \`loyalty_ledger\` l WHERE l.\`account\` = 'member' AND l.\`member_id\` = \`members\`.\`id\` AND l.\`amount\` > 0 AND l.\`kind\` IN ('earn', 'adjust')), 0);`,
  )
  await db.run(
    sql`UPDATE \`partners\` SET \`loyalty_lots\` = coalesce((SELECT sum(\`amount\`) FROM \`loyalty_ledger\` l WHERE l.\`account\` = 'organisation' AND l.\`organisation_id\` = \`partners\`.\`id\` AND l.\`amount\` > 0 AND l.\`kind\` IN ('earn', 'adjust')), 0);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`member_expiresAt_idx\`;`)
  await db.run(sql`DROP INDEX \`organisation_expiresAt_idx\`;`)
  await db.run(sql`DROP INDEX \`member_createdAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`partners\` DROP COLUMN \`loyalty_lots\`;`)
  await db.run(sql`ALTER TABLE \`partners\` DROP COLUMN \`loyalty_due_lots\`;`)
  await db.run(sql`ALTER TABLE \`partners\` DROP COLUMN \`loyalty_due_through\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`loyalty_lots\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`loyalty_due_lots\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`loyalty_due_through\`;`)
}
