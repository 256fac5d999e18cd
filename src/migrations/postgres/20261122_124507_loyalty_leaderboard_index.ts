import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "account_createdAt_member_organisation_qualifyingAmount_idx" ON "loyalty_ledger" USING btree ("account","created_at","member_id","organisation_id","qualifying_amount");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "account_createdAt_member_organisation_qualifyingAmount_idx";`)
}
