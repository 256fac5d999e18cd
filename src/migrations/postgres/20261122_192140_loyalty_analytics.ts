import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_loyalty_activities_verb" ADD VALUE 'member.signed-in' BEFORE 'referral.accepted';
  ALTER TABLE "members" ADD COLUMN "loyalty_last_sign_in_at" timestamp(3) with time zone;
  CREATE INDEX "verb_createdAt_member_idx" ON "loyalty_activities" USING btree ("verb","created_at","member_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_activities" ALTER COLUMN "verb" SET DATA TYPE text;
  DROP TYPE "public"."enum_loyalty_activities_verb";
  CREATE TYPE "public"."enum_loyalty_activities_verb" AS ENUM('lesson.started', 'lesson.completed', 'course.completed', 'quiz.passed', 'quiz.failed', 'case-study.opened', 'case-study.read', 'event.registered', 'event.cancelled', 'event.attended', 'feedback.given', 'referral.accepted', 'referral.joined', 'referral.lead-converted');
  ALTER TABLE "loyalty_activities" ALTER COLUMN "verb" SET DATA TYPE "public"."enum_loyalty_activities_verb" USING "verb"::"public"."enum_loyalty_activities_verb";
  DROP INDEX "verb_createdAt_member_idx";
  ALTER TABLE "members" DROP COLUMN "loyalty_last_sign_in_at";`)
}
