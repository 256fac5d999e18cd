import * as migration_20261122_064217_initial from './20261122_064217_initial';
import * as migration_20261122_065941_loyalty_core from './20261122_065941_loyalty_core';
import * as migration_20261122_072032_loyalty_rewards_events from './20261122_072032_loyalty_rewards_events';
import * as migration_20261122_072533_loyalty_jobs from './20261122_072533_loyalty_jobs';
import * as migration_20261122_072857_loyalty_tier_review from './20261122_072857_loyalty_tier_review';
import * as migration_20261122_092517_loyalty_lot_totals from './20261122_092517_loyalty_lot_totals';
import * as migration_20261122_095027_loyalty_lean_indexes from './20261122_095027_loyalty_lean_indexes';
import * as migration_20261122_102010_members_reset_interval from './20261122_102010_members_reset_interval';
import * as migration_20261122_124507_loyalty_leaderboard_index from './20261122_124507_loyalty_leaderboard_index';
import * as migration_20261122_125103_loyalty_moves from './20261122_125103_loyalty_moves';
import * as migration_20261122_130745_loyalty_referrals from './20261122_130745_loyalty_referrals';
import * as migration_20261122_132331_loyalty_feedback from './20261122_132331_loyalty_feedback';
import * as migration_20261122_153939_loyalty_webhooks from './20261122_153939_loyalty_webhooks';
import * as migration_20261122_154557_loyalty_notifications_imports from './20261122_154557_loyalty_notifications_imports';
import * as migration_20261122_192140_loyalty_analytics from './20261122_192140_loyalty_analytics';
import * as migration_20261122_200613_loyalty_prune_webhook_deliveries from './20261122_200613_loyalty_prune_webhook_deliveries';

export const migrations = [
  {
    up: migration_20261122_064217_initial.up,
    down: migration_20261122_064217_initial.down,
    name: '20261122_064217_initial',
  },
  {
    up: migration_20261122_065941_loyalty_core.up,
    down: migration_20261122_065941_loyalty_core.down,
    name: '20261122_065941_loyalty_core',
  },
  {
    up: migration_20261122_072032_loyalty_rewards_events.up,
    down: migration_20261122_072032_loyalty_rewards_events.down,
    name: '20261122_072032_loyalty_rewards_events',
  },
  {
    up: migration_20261122_072533_loyalty_jobs.up,
    down: migration_20261122_072533_loyalty_jobs.down,
    name: '20261122_072533_loyalty_jobs',
  },
  {
    up: migration_20261122_072857_loyalty_tier_review.up,
    down: migration_20261122_072857_loyalty_tier_review.down,
    name: '20261122_072857_loyalty_tier_review',
  },
  {
    up: migration_20261122_092517_loyalty_lot_totals.up,
    down: migration_20261122_092517_loyalty_lot_totals.down,
    name: '20261122_092517_loyalty_lot_totals',
  },
  {
    up: migration_20261122_095027_loyalty_lean_indexes.up,
    down: migration_20261122_095027_loyalty_lean_indexes.down,
    name: '20261122_095027_loyalty_lean_indexes',
  },
  {
    up: migration_20261122_102010_members_reset_interval.up,
    down: migration_20261122_102010_members_reset_interval.down,
    name: '20261122_102010_members_reset_interval',
  },
  {
    up: migration_20261122_124507_loyalty_leaderboard_index.up,
    down: migration_20261122_124507_loyalty_leaderboard_index.down,
    name: '20261122_124507_loyalty_leaderboard_index',
  },
  {
    up: migration_20261122_125103_loyalty_moves.up,
    down: migration_20261122_125103_loyalty_moves.down,
    name: '20261122_125103_loyalty_moves',
  },
  {
    up: migration_20261122_130745_loyalty_referrals.up,
    down: migration_20261122_130745_loyalty_referrals.down,
    name: '20261122_130745_loyalty_referrals',
  },
  {
    up: migration_20261122_132331_loyalty_feedback.up,
    down: migration_20261122_132331_loyalty_feedback.down,
    name: '20261122_132331_loyalty_feedback',
  },
  {
    up: migration_20261122_153939_loyalty_webhooks.up,
    down: migration_20261122_153939_loyalty_webhooks.down,
    name: '20261122_153939_loyalty_webhooks',
  },
  {
    up: migration_20261122_154557_loyalty_notifications_imports.up,
    down: migration_20261122_154557_loyalty_notifications_imports.down,
    name: '20261122_154557_loyalty_notifications_imports',
  },
  {
    up: migration_20261122_192140_loyalty_analytics.up,
    down: migration_20261122_192140_loyalty_analytics.down,
    name: '20261122_192140_loyalty_analytics',
  },
  {
    up: migration_20261122_200613_loyalty_prune_webhook_deliveries.up,
    down: migration_20261122_200613_loyalty_prune_webhook_deliveries.down,
    name: '20261122_200613_loyalty_prune_webhook_deliveries'
  },
];
