import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_notifications_category" AS ENUM('digest', 'tierUpgrade', 'expiring', 'eventReminder', 'eventRecording', 'redemption');
  CREATE TYPE "public"."enum_loyalty_notifications_status" AS ENUM('queued', 'sent', 'skipped', 'failed');
  CREATE TYPE "public"."enum_loyalty_imports_kind" AS ENUM('attendance', 'adjustments');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'loyaltySendNotification';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'loyaltyQueueDigests';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'loyaltyQueueReminders';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'loyaltyQueueExpiryWarnings';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'loyaltySendNotification';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'loyaltyQueueDigests';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'loyaltyQueueReminders';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'loyaltyQueueExpiryWarnings';
  CREATE TABLE "captured_emails" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"to" varchar,
  	"from" varchar,
  	"subject" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"text" varchar,
  	"html" varchar,
  	"headers" jsonb,
  	"message_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"member_id" integer NOT NULL,
  	"category" "enum_loyalty_notifications_category" NOT NULL,
  	"status" "enum_loyalty_notifications_status" DEFAULT 'queued' NOT NULL,
  	"through_entry" numeric,
  	"data" jsonb,
  	"subject" varchar,
  	"sent_at" timestamp(3) with time zone,
  	"attempts" numeric DEFAULT 0,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_imports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_loyalty_imports_kind" NOT NULL,
  	"file_name" varchar NOT NULL,
  	"file_hash" varchar NOT NULL,
  	"event_id" integer,
  	"actor_id" integer NOT NULL,
  	"rows" numeric DEFAULT 0,
  	"applied" numeric DEFAULT 0,
  	"points" numeric DEFAULT 0,
  	"below_threshold" numeric DEFAULT 0,
  	"unmatched" numeric DEFAULT 0,
  	"already_attended" numeric DEFAULT 0,
  	"invalid" numeric DEFAULT 0,
  	"minimum_minutes" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "events" ADD COLUMN "attendance_minimum_minutes" numeric;
  ALTER TABLE "_events_v" ADD COLUMN "version_attendance_minimum_minutes" numeric;
  ALTER TABLE "members" ADD COLUMN "notification_preferences_digest" boolean DEFAULT true;
  ALTER TABLE "members" ADD COLUMN "notification_preferences_tier_upgrade" boolean DEFAULT true;
  ALTER TABLE "members" ADD COLUMN "notification_preferences_expiring" boolean DEFAULT true;
  ALTER TABLE "members" ADD COLUMN "notification_preferences_event_reminder" boolean DEFAULT true;
  ALTER TABLE "members" ADD COLUMN "notification_preferences_event_recording" boolean DEFAULT true;
  ALTER TABLE "members" ADD COLUMN "notification_preferences_redemption" boolean DEFAULT true;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "captured_emails_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_notifications_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_imports_id" integer;
  ALTER TABLE "loyalty_notifications" ADD CONSTRAINT "loyalty_notifications_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_imports" ADD CONSTRAINT "loyalty_imports_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "loyalty_imports" ADD CONSTRAINT "loyalty_imports_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "captured_emails_to_idx" ON "captured_emails" USING btree ("to");
  CREATE INDEX "captured_emails_updated_at_idx" ON "captured_emails" USING btree ("updated_at");
  CREATE INDEX "captured_emails_created_at_idx" ON "captured_emails" USING btree ("created_at");
  CREATE UNIQUE INDEX "loyalty_notifications_key_idx" ON "loyalty_notifications" USING btree ("key");
  CREATE INDEX "loyalty_notifications_member_idx" ON "loyalty_notifications" USING btree ("member_id");
  CREATE INDEX "loyalty_notifications_status_idx" ON "loyalty_notifications" USING btree ("status");
  CREATE INDEX "loyalty_notifications_updated_at_idx" ON "loyalty_notifications" USING btree ("updated_at");
  CREATE INDEX "loyalty_notifications_created_at_idx" ON "loyalty_notifications" USING btree ("created_at");
  CREATE INDEX "member_category_idx" ON "loyalty_notifications" USING btree ("member_id","category");
  CREATE UNIQUE INDEX "loyalty_imports_key_idx" ON "loyalty_imports" USING btree ("key");
  CREATE INDEX "loyalty_imports_kind_idx" ON "loyalty_imports" USING btree ("kind");
  CREATE INDEX "loyalty_imports_file_hash_idx" ON "loyalty_imports" USING btree ("file_hash");
  CREATE INDEX "loyalty_imports_event_idx" ON "loyalty_imports" USING btree ("event_id");
  CREATE INDEX "loyalty_imports_actor_idx" ON "loyalty_imports" USING btree ("actor_id");
  CREATE INDEX "loyalty_imports_updated_at_idx" ON "loyalty_imports" USING btree ("updated_at");
  CREATE INDEX "loyalty_imports_created_at_idx" ON "loyalty_imports" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_captured_emails_fk" FOREIGN KEY ("captured_emails_id") REFERENCES "public"."captured_emails"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_notifications_fk" FOREIGN KEY ("loyalty_notifications_id") REFERENCES "public"."loyalty_notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_imports_fk" FOREIGN KEY ("loyalty_imports_id") REFERENCES "public"."loyalty_imports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_captured_emails_id_idx" ON "payload_locked_documents_rels" USING btree ("captured_emails_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_notifications_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_imports_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_imports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "captured_emails" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_notifications" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_imports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "captured_emails" CASCADE;
  DROP TABLE "loyalty_notifications" CASCADE;
  DROP TABLE "loyalty_imports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_captured_emails_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_notifications_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_imports_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'loyaltyExpirePoints', 'loyaltyReviewTiers', 'loyaltyDeliverWebhook');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'loyaltyExpirePoints', 'loyaltyReviewTiers', 'loyaltyDeliverWebhook');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_captured_emails_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_notifications_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_imports_id_idx";
  ALTER TABLE "events" DROP COLUMN "attendance_minimum_minutes";
  ALTER TABLE "_events_v" DROP COLUMN "version_attendance_minimum_minutes";
  ALTER TABLE "members" DROP COLUMN "notification_preferences_digest";
  ALTER TABLE "members" DROP COLUMN "notification_preferences_tier_upgrade";
  ALTER TABLE "members" DROP COLUMN "notification_preferences_expiring";
  ALTER TABLE "members" DROP COLUMN "notification_preferences_event_reminder";
  ALTER TABLE "members" DROP COLUMN "notification_preferences_event_recording";
  ALTER TABLE "members" DROP COLUMN "notification_preferences_redemption";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "captured_emails_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_notifications_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_imports_id";
  DROP TYPE "public"."enum_loyalty_notifications_category";
  DROP TYPE "public"."enum_loyalty_notifications_status";
  DROP TYPE "public"."enum_loyalty_imports_kind";`)
}
