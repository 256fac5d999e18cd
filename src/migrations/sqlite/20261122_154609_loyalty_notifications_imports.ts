import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`captured_emails\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`to\` text,
  	\`from\` text,
  	\`subject\` text,
  	\`sent_at\` text,
  	\`text\` text,
  	\`html\` text,
  	\`headers\` text,
  	\`message_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`captured_emails_to_idx\` ON \`captured_emails\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`captured_emails_updated_at_idx\` ON \`captured_emails\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`captured_emails_created_at_idx\` ON \`captured_emails\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_notifications\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`member_id\` integer NOT NULL,
  	\`category\` text NOT NULL,
  	\`status\` text DEFAULT 'queued' NOT NULL,
  	\`through_entry\` numeric,
  	\`data\` text,
  	\`subject\` text,
  	\`sent_at\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`error\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_notifications_key_idx\` ON \`loyalty_notifications\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_notifications_member_idx\` ON \`loyalty_notifications\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_notifications_status_idx\` ON \`loyalty_notifications\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_notifications_updated_at_idx\` ON \`loyalty_notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_notifications_created_at_idx\` ON \`loyalty_notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`member_category_idx\` ON \`loyalty_notifications\` (\`member_id\`,\`category\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_imports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`file_name\` text NOT NULL,
  	\`file_hash\` text NOT NULL,
  	\`event_id\` integer,
  	\`actor_id\` integer NOT NULL,
  	\`rows\` numeric DEFAULT 0,
  	\`applied\` numeric DEFAULT 0,
  	\`points\` numeric DEFAULT 0,
  	\`below_threshold\` numeric DEFAULT 0,
  	\`unmatched\` numeric DEFAULT 0,
  	\`already_attended\` numeric DEFAULT 0,
  	\`invalid\` numeric DEFAULT 0,
  	\`minimum_minutes\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`event_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`loyalty_imports_key_idx\` ON \`loyalty_imports\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_imports_kind_idx\` ON \`loyalty_imports\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_imports_file_hash_idx\` ON \`loyalty_imports\` (\`file_hash\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_imports_event_idx\` ON \`loyalty_imports\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_imports_actor_idx\` ON \`loyalty_imports\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_imports_updated_at_idx\` ON \`loyalty_imports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_imports_created_at_idx\` ON \`loyalty_imports\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`attendance_minimum_minutes\` numeric;`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_attendance_minimum_minutes\` numeric;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`notification_preferences_digest\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`notification_preferences_tier_upgrade\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`notification_preferences_expiring\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`notification_preferences_event_reminder\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`notification_preferences_event_recording\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`notification_preferences_redemption\` integer DEFAULT true;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`captured_emails_id\` integer REFERENCES captured_emails(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_notifications_id\` integer REFERENCES loyalty_notifications(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_imports_id\` integer REFERENCES loyalty_imports(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_captured_emails_id_idx\` ON \`payload_locked_documents_rels\` (\`captured_emails_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_imports_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_imports_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`captured_emails\`;`)
  await db.run(sql`DROP TABLE \`loyalty_notifications\`;`)
  await db.run(sql`DROP TABLE \`loyalty_imports\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`courses_id\` integer,
  	\`case_studies_id\` integer,
  	\`events_id\` integer,
  	\`media_id\` integer,
  	\`club_tiers_id\` integer,
  	\`partners_id\` integer,
  	\`members_id\` integer,
  	\`users_id\` integer,
  	\`loyalty_ledger_id\` integer,
  	\`loyalty_activities_id\` integer,
  	\`loyalty_progress_id\` integer,
  	\`loyalty_registrations_id\` integer,
  	\`loyalty_rewards_id\` integer,
  	\`loyalty_redemptions_id\` integer,
  	\`loyalty_earning_rules_id\` integer,
  	\`loyalty_promotions_id\` integer,
  	\`loyalty_tier_changes_id\` integer,
  	\`loyalty_moves_id\` integer,
  	\`loyalty_invitations_id\` integer,
  	\`loyalty_leads_id\` integer,
  	\`loyalty_webhooks_id\` integer,
  	\`loyalty_webhook_deliveries_id\` integer,
  	\`loyalty_feedback_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`case_studies_id\`) REFERENCES \`case_studies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`club_tiers_id\`) REFERENCES \`club_tiers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_ledger_id\`) REFERENCES \`loyalty_ledger\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_activities_id\`) REFERENCES \`loyalty_activities\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_progress_id\`) REFERENCES \`loyalty_progress\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_registrations_id\`) REFERENCES \`loyalty_registrations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_rewards_id\`) REFERENCES \`loyalty_rewards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_redemptions_id\`) REFERENCES \`loyalty_redemptions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_earning_rules_id\`) REFERENCES \`loyalty_earning_rules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_promotions_id\`) REFERENCES \`loyalty_promotions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_tier_changes_id\`) REFERENCES \`loyalty_tier_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_moves_id\`) REFERENCES \`loyalty_moves\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_invitations_id\`) REFERENCES \`loyalty_invitations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_leads_id\`) REFERENCES \`loyalty_leads\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_webhooks_id\`) REFERENCES \`loyalty_webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_webhook_deliveries_id\`) REFERENCES \`loyalty_webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`loyalty_feedback_id\`) REFERENCES \`loyalty_feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_registrations_id", "loyalty_rewards_id", "loyalty_redemptions_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id", "loyalty_moves_id", "loyalty_invitations_id", "loyalty_leads_id", "loyalty_webhooks_id", "loyalty_webhook_deliveries_id", "loyalty_feedback_id") SELECT "id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_registrations_id", "loyalty_rewards_id", "loyalty_redemptions_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id", "loyalty_moves_id", "loyalty_invitations_id", "loyalty_leads_id", "loyalty_webhooks_id", "loyalty_webhook_deliveries_id", "loyalty_feedback_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_courses_id_idx\` ON \`payload_locked_documents_rels\` (\`courses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_case_studies_id_idx\` ON \`payload_locked_documents_rels\` (\`case_studies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_club_tiers_id_idx\` ON \`payload_locked_documents_rels\` (\`club_tiers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_ledger_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_ledger_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_activities_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_activities_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_progress_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_progress_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_registrations_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_registrations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_rewards_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_rewards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_redemptions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_redemptions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_earning_rules_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_earning_rules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_promotions_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_promotions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_tier_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_tier_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_moves_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_moves_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_leads_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_leads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_webhook_deliveries_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_feedback_id\`);`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`attendance_minimum_minutes\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_attendance_minimum_minutes\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`notification_preferences_digest\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`notification_preferences_tier_upgrade\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`notification_preferences_expiring\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`notification_preferences_event_reminder\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`notification_preferences_event_recording\`;`)
  await db.run(sql`ALTER TABLE \`members\` DROP COLUMN \`notification_preferences_redemption\`;`)
}
