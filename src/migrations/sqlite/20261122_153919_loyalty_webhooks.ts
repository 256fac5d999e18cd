import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`loyalty_webhooks_events\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`loyalty_webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_webhooks_events_order_idx\` ON \`loyalty_webhooks_events\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhooks_events_parent_idx\` ON \`loyalty_webhooks_events\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_webhooks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`url\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`description\` text,
  	\`secret\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_webhooks_active_idx\` ON \`loyalty_webhooks\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhooks_updated_at_idx\` ON \`loyalty_webhooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhooks_created_at_idx\` ON \`loyalty_webhooks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`loyalty_webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`webhook_id\` integer,
  	\`event_type\` text NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`max_attempts\` numeric,
  	\`last_status\` numeric,
  	\`last_error\` text,
  	\`next_attempt_at\` text,
  	\`delivered_at\` text,
  	\`duration_ms\` numeric,
  	\`body\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`webhook_id\`) REFERENCES \`loyalty_webhooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`loyalty_webhook_deliveries_webhook_idx\` ON \`loyalty_webhook_deliveries\` (\`webhook_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhook_deliveries_event_type_idx\` ON \`loyalty_webhook_deliveries\` (\`event_type\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhook_deliveries_event_id_idx\` ON \`loyalty_webhook_deliveries\` (\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhook_deliveries_status_idx\` ON \`loyalty_webhook_deliveries\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhook_deliveries_updated_at_idx\` ON \`loyalty_webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`loyalty_webhook_deliveries_created_at_idx\` ON \`loyalty_webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_webhooks_id\` integer REFERENCES loyalty_webhooks(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`loyalty_webhook_deliveries_id\` integer REFERENCES loyalty_webhook_deliveries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_webhook_deliveries_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_webhook_deliveries_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`loyalty_webhooks_events\`;`)
  await db.run(sql`DROP TABLE \`loyalty_webhooks\`;`)
  await db.run(sql`DROP TABLE \`loyalty_webhook_deliveries\`;`)
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
  	FOREIGN KEY (\`loyalty_feedback_id\`) REFERENCES \`loyalty_feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_registrations_id", "loyalty_rewards_id", "loyalty_redemptions_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id", "loyalty_moves_id", "loyalty_invitations_id", "loyalty_leads_id", "loyalty_feedback_id") SELECT "id", "order", "parent_id", "path", "courses_id", "case_studies_id", "events_id", "media_id", "club_tiers_id", "partners_id", "members_id", "users_id", "loyalty_ledger_id", "loyalty_activities_id", "loyalty_progress_id", "loyalty_registrations_id", "loyalty_rewards_id", "loyalty_redemptions_id", "loyalty_earning_rules_id", "loyalty_promotions_id", "loyalty_tier_changes_id", "loyalty_moves_id", "loyalty_invitations_id", "loyalty_leads_id", "loyalty_feedback_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_loyalty_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`loyalty_feedback_id\`);`)
}
