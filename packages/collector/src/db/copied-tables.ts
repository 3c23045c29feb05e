import { FEEDBACK_TABLE_COLUMNS } from './queries.ts';
import { ROLLUP_COUNTS } from './records.ts';

/**
 * The tables that are copied, in an order that satisfies the foreign keys, with the columns both
 * schemas share and the order the rows are read in. Feedback goes in insertion order (SQLite's
 * rowid), so that PostgreSQL's `position` keeps the order of submissions within a millisecond.
 * Rate-limit counts and their salts are not copied: they live a minute and a day.
 */
export const COPIED_TABLES = [
  {
    name: 'organisations',
    columns: ['id', 'name', 'created_at', 'policy_domain', 'kind'],
    order: 'rowid',
  },
  {
    name: 'services',
    columns: [
      'id',
      'name',
      'organisation_id',
      'allowed_origins',
      'active',
      'public_service_uri',
      'help_url',
      'reasons',
      'created_at',
      'target',
    ],
    order: 'rowid',
  },
  {
    name: 'tokens',
    columns: ['id', 'label', 'role', 'organisation_id', 'hash', 'created_at', 'revoked_at'],
    order: 'rowid',
  },
  {
    name: 'feedback',
    // Counted comments stay counted: their counts are copied with them (theme_counts).
    columns: [...FEEDBACK_TABLE_COLUMNS, 'comment_pruned', 'comment_hash', 'themes_counted'],
    order: 'rowid',
  },
  {
    name: 'daily_rollups',
    columns: ['service_id', 'day', 'outcome', ...ROLLUP_COUNTS.map(([column]) => column)],
    // Stored WITHOUT ROWID: the primary key is the order.
    order: 'service_id, day, outcome',
  },
  {
    name: 'daily_channel_rollups',
    columns: [
      'service_id',
      'day',
      'channel',
      'rating_1',
      'rating_2',
      'rating_3',
      'rating_4',
      'rating_5',
    ],
    order: 'service_id, day, channel',
  },
  {
    name: 'daily_language_rollups',
    columns: [
      'service_id',
      'day',
      'lang',
      'rating_1',
      'rating_2',
      'rating_3',
      'rating_4',
      'rating_5',
    ],
    order: 'service_id, day, lang',
  },
  {
    name: 'daily_step_rollups',
    columns: [
      'service_id',
      'day',
      'step',
      'rating_1',
      'rating_2',
      'rating_3',
      'rating_4',
      'rating_5',
      'with_outcome',
      'not_completed',
      'first_seen',
    ],
    order: 'service_id, day, step',
  },
  {
    name: 'daily_reason_counts',
    columns: ['service_id', 'day', 'reason', 'count'],
    order: 'service_id, day, reason',
  },
  {
    name: 'daily_impressions',
    columns: ['service_id', 'day', 'count'],
    order: 'service_id, day',
  },
  {
    name: 'feedback_triage',
    columns: ['feedback_id', 'service_id', 'status', 'note', 'updated_at'],
    order: 'feedback_id',
  },
  {
    name: 'feedback_tags',
    columns: ['feedback_id', 'service_id', 'tag'],
    order: 'feedback_id, tag',
  },
  { name: 'erased_feedback', columns: ['id', 'service_id', 'erased_at'], order: 'id' },
  {
    name: 'improvement_actions',
    columns: [
      'id',
      'service_id',
      'title',
      'description',
      'status',
      'public',
      'themes',
      'feedback_ids',
      'planned_on',
      'done_on',
      'created_at',
      'updated_at',
    ],
    order: 'created_at, id',
  },
  {
    name: 'explanations',
    columns: ['scope', 'subject_id', 'year', 'text', 'updated_at', 'updated_by'],
    order: 'scope, subject_id, year',
  },
  {
    name: 'report_submissions',
    columns: [
      'organisation_id',
      'year',
      'version',
      'submitted_at',
      'submitted_by',
      'sha256',
      'json',
      'html',
    ],
    order: 'organisation_id, year, version',
  },
  {
    name: 'audit_log',
    columns: ['id', 'at', 'actor', 'action', 'target', 'details'],
    order: 'at, id',
  },
  {
    name: 'webhooks',
    columns: [
      'id',
      'organisation_id',
      'url',
      'events',
      'service_ids',
      'include_comment',
      'secret',
      'created_at',
      'created_by',
      'failing_since',
      'disabled_at',
      'disabled_reason',
    ],
    order: 'created_at, id',
  },
  {
    // The outbox goes along: what was pending is delivered by the collector on PostgreSQL.
    name: 'webhook_deliveries',
    columns: [
      'id',
      'webhook_id',
      'event',
      'subject',
      'payload',
      'created_at',
      'status',
      'attempts',
      'round_attempts',
      'next_attempt_at',
      'locked_until',
      'last_status_code',
      'last_error',
      'delivered_at',
      'history',
    ],
    order: 'created_at, id, webhook_id',
  },
  {
    name: 'subscriptions',
    columns: [
      'id',
      'organisation_id',
      'email',
      'frequency',
      'service_ids',
      'unsubscribe_token',
      'created_at',
      'created_by',
    ],
    order: 'created_at, id',
  },
  {
    // Mail not yet sent is sent by the collector on PostgreSQL; what was sent is not sent again.
    name: 'mail_outbox',
    columns: [
      'id',
      'dedupe_key',
      'kind',
      'subscription_id',
      'to_address',
      'payload',
      'created_at',
      'status',
      'attempts',
      'next_attempt_at',
      'locked_until',
      'sent_at',
      'last_error',
    ],
    order: 'created_at, id',
  },
  {
    name: 'alerts',
    columns: [
      'id',
      'service_id',
      'organisation_id',
      'kind',
      'day',
      'theme',
      'details',
      'raised_at',
    ],
    order: 'raised_at, id',
  },
  {
    name: 'people',
    columns: [
      'id',
      'email',
      'role',
      'organisation_id',
      'issuer',
      'subject',
      'created_at',
      'created_by',
      'last_sign_in_at',
    ],
    order: 'created_at, id',
  },
  {
    // People stay signed in across the move.
    name: 'sessions',
    columns: ['id_hash', 'person_id', 'csrf_token', 'created_at', 'last_seen_at', 'id_token'],
    order: 'created_at, id_hash',
  },
  {
    name: 'login_flows',
    columns: ['state', 'nonce', 'code_verifier', 'return_to', 'created_at'],
    order: 'created_at, state',
  },
  {
    name: 'theme_counts',
    columns: ['service_id', 'month', 'kind', 'stem', 'form', 'count', 'low'],
    // Stored WITHOUT ROWID: the primary key is the order.
    order: 'service_id, month, kind, stem, form',
  },
  {
    name: 'theme_retractions',
    // PostgreSQL numbers them anew, in the same order.
    columns: ['service_id', 'month', 'comment', 'lang', 'rating'],
    order: 'id',
  },
] as const;
