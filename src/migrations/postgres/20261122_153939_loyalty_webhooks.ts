import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_loyalty_webhooks_events" AS ENUM('points.awarded', 'tier.changed', 'redemption.requested', 'redemption.decided', 'event.attended', 'course.completed');
  CREATE TYPE "public"."enum_loyalty_webhook_deliveries_event_type" AS ENUM('points.awarded', 'tier.changed', 'redemption.requested', 'redemption.decided', 'event.attended', 'course.completed', 'webhook.test');
  CREATE TYPE "public"."enum_loyalty_webhook_deliveries_status" AS ENUM('pending', 'delivered', 'retrying', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'loyaltyDeliverWebhook';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'loyaltyDeliverWebhook';
  CREATE TABLE "loyalty_webhooks_events" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_loyalty_webhooks_events",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "loyalty_webhooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"url" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"description" varchar,
  	"secret" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "loyalty_webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"webhook_id" integer,
  	"event_type" "enum_loyalty_webhook_deliveries_event_type" NOT NULL,
  	"event_id" varchar NOT NULL,
  	"status" "enum_loyalty_webhook_deliveries_status" DEFAULT 'pending' NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"max_attempts" numeric,
  	"last_status" numeric,
  	"last_error" varchar,
  	"next_attempt_at" timestamp(3) with time zone,
  	"delivered_at" timestamp(3) with time zone,
  	"duration_ms" numeric,
  	"body" varchar NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_webhooks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_webhook_deliveries_id" integer;
  ALTER TABLE "loyalty_webhooks_events" ADD CONSTRAINT "loyalty_webhooks_events_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."loyalty_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_webhook_deliveries" ADD CONSTRAINT "loyalty_webhook_deliveries_webhook_id_loyalty_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."loyalty_webhooks"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "loyalty_webhooks_events_order_idx" ON "loyalty_webhooks_events" USING btree ("order");
  CREATE INDEX "loyalty_webhooks_events_parent_idx" ON "loyalty_webhooks_events" USING btree ("parent_id");
  CREATE INDEX "loyalty_webhooks_active_idx" ON "loyalty_webhooks" USING btree ("active");
  CREATE INDEX "loyalty_webhooks_updated_at_idx" ON "loyalty_webhooks" USING btree ("updated_at");
  CREATE INDEX "loyalty_webhooks_created_at_idx" ON "loyalty_webhooks" USING btree ("created_at");
  CREATE INDEX "loyalty_webhook_deliveries_webhook_idx" ON "loyalty_webhook_deliveries" USING btree ("webhook_id");
  CREATE INDEX "loyalty_webhook_deliveries_event_type_idx" ON "loyalty_webhook_deliveries" USING btree ("event_type");
  CREATE INDEX "loyalty_webhook_deliveries_event_id_idx" ON "loyalty_webhook_deliveries" USING btree ("event_id");
  CREATE INDEX "loyalty_webhook_deliveries_status_idx" ON "loyalty_webhook_deliveries" USING btree ("status");
  CREATE INDEX "loyalty_webhook_deliveries_updated_at_idx" ON "loyalty_webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "loyalty_webhook_deliveries_created_at_idx" ON "loyalty_webhook_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_webhooks_fk" FOREIGN KEY ("loyalty_webhooks_id") REFERENCES "public"."loyalty_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_webhook_deliveries_fk" FOREIGN KEY ("loyalty_webhook_deliveries_id") REFERENCES "public"."loyalty_webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_loyalty_webhook_deliveries_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_webhook_deliveries_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "loyalty_webhooks_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_webhooks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_webhook_deliveries" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "loyalty_webhooks_events" CASCADE;
  DROP TABLE "loyalty_webhooks" CASCADE;
  DROP TABLE "loyalty_webhook_deliveries" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_webhooks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_webhook_deliveries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'loyaltyExpirePoints', 'loyaltyReviewTiers');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'loyaltyExpirePoints', 'loyaltyReviewTiers');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_loyalty_webhooks_id_idx";
  DROP INDEX "payload_locked_documents_rels_loyalty_webhook_deliveries_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_webhooks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_webhook_deliveries_id";
  DROP TYPE "public"."enum_loyalty_webhooks_events";
  DROP TYPE "public"."enum_loyalty_webhook_deliveries_event_type";
  DROP TYPE "public"."enum_loyalty_webhook_deliveries_status";`)
}
