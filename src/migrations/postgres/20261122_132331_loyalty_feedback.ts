import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_courses_feedback_questions_kind" AS ENUM('choice', 'scale', 'text');
  CREATE TYPE "public"."enum__courses_v_version_feedback_questions_kind" AS ENUM('choice', 'scale', 'text');
  CREATE TYPE "public"."enum_events_feedback_questions_kind" AS ENUM('choice', 'scale', 'text');
  CREATE TYPE "public"."enum__events_v_version_feedback_questions_kind" AS ENUM('choice', 'scale', 'text');
  CREATE TABLE "courses_feedback_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "courses_feedback_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"question" varchar,
  	"kind" "enum_courses_feedback_questions_kind" DEFAULT 'choice',
  	"scale_max" numeric DEFAULT 5,
  	"required" boolean DEFAULT false
  );
  
  CREATE TABLE "_courses_v_version_feedback_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_courses_v_version_feedback_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"question" varchar,
  	"kind" "enum__courses_v_version_feedback_questions_kind" DEFAULT 'choice',
  	"scale_max" numeric DEFAULT 5,
  	"required" boolean DEFAULT false,
  	"_uuid" varchar
  );
  
  CREATE TABLE "events_feedback_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar
  );
  
  CREATE TABLE "events_feedback_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"question" varchar,
  	"kind" "enum_events_feedback_questions_kind" DEFAULT 'choice',
  	"scale_max" numeric DEFAULT 5,
  	"required" boolean DEFAULT false
  );
  
  CREATE TABLE "_events_v_version_feedback_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_events_v_version_feedback_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"question" varchar,
  	"kind" "enum__events_v_version_feedback_questions_kind" DEFAULT 'choice',
  	"scale_max" numeric DEFAULT 5,
  	"required" boolean DEFAULT false,
  	"_uuid" varchar
  );
  
  CREATE TABLE "loyalty_feedback" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"member_id" integer NOT NULL,
  	"collection" varchar NOT NULL,
  	"document_id" varchar NOT NULL,
  	"title" varchar,
  	"qualified_at" timestamp(3) with time zone,
  	"recommend" numeric NOT NULL,
  	"rating" numeric NOT NULL,
  	"comment" varchar,
  	"answers" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "loyalty_feedback_id" integer;
  ALTER TABLE "courses_feedback_questions_options" ADD CONSTRAINT "courses_feedback_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses_feedback_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_feedback_questions" ADD CONSTRAINT "courses_feedback_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_feedback_questions_options" ADD CONSTRAINT "_courses_v_version_feedback_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v_version_feedback_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_feedback_questions" ADD CONSTRAINT "_courses_v_version_feedback_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_feedback_questions_options" ADD CONSTRAINT "events_feedback_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events_feedback_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "events_feedback_questions" ADD CONSTRAINT "events_feedback_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_feedback_questions_options" ADD CONSTRAINT "_events_v_version_feedback_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v_version_feedback_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_events_v_version_feedback_questions" ADD CONSTRAINT "_events_v_version_feedback_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_events_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "loyalty_feedback" ADD CONSTRAINT "loyalty_feedback_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "courses_feedback_questions_options_order_idx" ON "courses_feedback_questions_options" USING btree ("_order");
  CREATE INDEX "courses_feedback_questions_options_parent_id_idx" ON "courses_feedback_questions_options" USING btree ("_parent_id");
  CREATE INDEX "courses_feedback_questions_order_idx" ON "courses_feedback_questions" USING btree ("_order");
  CREATE INDEX "courses_feedback_questions_parent_id_idx" ON "courses_feedback_questions" USING btree ("_parent_id");
  CREATE INDEX "_courses_v_version_feedback_questions_options_order_idx" ON "_courses_v_version_feedback_questions_options" USING btree ("_order");
  CREATE INDEX "_courses_v_version_feedback_questions_options_parent_id_idx" ON "_courses_v_version_feedback_questions_options" USING btree ("_parent_id");
  CREATE INDEX "_courses_v_version_feedback_questions_order_idx" ON "_courses_v_version_feedback_questions" USING btree ("_order");
  CREATE INDEX "_courses_v_version_feedback_questions_parent_id_idx" ON "_courses_v_version_feedback_questions" USING btree ("_parent_id");
  CREATE INDEX "events_feedback_questions_options_order_idx" ON "events_feedback_questions_options" USING btree ("_order");
  CREATE INDEX "events_feedback_questions_options_parent_id_idx" ON "events_feedback_questions_options" USING btree ("_parent_id");
  CREATE INDEX "events_feedback_questions_order_idx" ON "events_feedback_questions" USING btree ("_order");
  CREATE INDEX "events_feedback_questions_parent_id_idx" ON "events_feedback_questions" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_feedback_questions_options_order_idx" ON "_events_v_version_feedback_questions_options" USING btree ("_order");
  CREATE INDEX "_events_v_version_feedback_questions_options_parent_id_idx" ON "_events_v_version_feedback_questions_options" USING btree ("_parent_id");
  CREATE INDEX "_events_v_version_feedback_questions_order_idx" ON "_events_v_version_feedback_questions" USING btree ("_order");
  CREATE INDEX "_events_v_version_feedback_questions_parent_id_idx" ON "_events_v_version_feedback_questions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "loyalty_feedback_key_idx" ON "loyalty_feedback" USING btree ("key");
  CREATE INDEX "loyalty_feedback_member_idx" ON "loyalty_feedback" USING btree ("member_id");
  CREATE INDEX "loyalty_feedback_recommend_idx" ON "loyalty_feedback" USING btree ("recommend");
  CREATE INDEX "loyalty_feedback_updated_at_idx" ON "loyalty_feedback" USING btree ("updated_at");
  CREATE INDEX "loyalty_feedback_created_at_idx" ON "loyalty_feedback" USING btree ("created_at");
  CREATE INDEX "collection_documentId_createdAt_idx" ON "loyalty_feedback" USING btree ("collection","document_id","created_at");
  CREATE INDEX "collection_qualifiedAt_idx" ON "loyalty_feedback" USING btree ("collection","qualified_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_loyalty_feedback_fk" FOREIGN KEY ("loyalty_feedback_id") REFERENCES "public"."loyalty_feedback"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_loyalty_feedback_id_idx" ON "payload_locked_documents_rels" USING btree ("loyalty_feedback_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "courses_feedback_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "courses_feedback_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_courses_v_version_feedback_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_courses_v_version_feedback_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_feedback_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "events_feedback_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_feedback_questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_events_v_version_feedback_questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "loyalty_feedback" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "courses_feedback_questions_options" CASCADE;
  DROP TABLE "courses_feedback_questions" CASCADE;
  DROP TABLE "_courses_v_version_feedback_questions_options" CASCADE;
  DROP TABLE "_courses_v_version_feedback_questions" CASCADE;
  DROP TABLE "events_feedback_questions_options" CASCADE;
  DROP TABLE "events_feedback_questions" CASCADE;
  DROP TABLE "_events_v_version_feedback_questions_options" CASCADE;
  DROP TABLE "_events_v_version_feedback_questions" CASCADE;
  DROP TABLE "loyalty_feedback" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_loyalty_feedback_fk";
  
  DROP INDEX "payload_locked_documents_rels_loyalty_feedback_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "loyalty_feedback_id";
  DROP TYPE "public"."enum_courses_feedback_questions_kind";
  DROP TYPE "public"."enum__courses_v_version_feedback_questions_kind";
  DROP TYPE "public"."enum_events_feedback_questions_kind";
  DROP TYPE "public"."enum__events_v_version_feedback_questions_kind";`)
}
