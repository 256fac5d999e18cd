import type { CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../access'
import { webhookEventTypes, webhookTestEventType } from '../engine/webhooks'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * One event sent to one webhook, and how its attempts went. Written by the plugin only (when an
 * event is published, and by the delivery task after each attempt); staff read it in the admin.
 */
export const webhookDeliveriesCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => ({
  slug: loyaltySlugs.webhookDeliveries,
  access: {
    create: nobody,
    delete: nobody,
    read: staffOnly(options),
    update: nobody,
  },
  admin: {
    defaultColumns: [
      'createdAt',
      'eventType',
      'webhook',
      'status',
      'attempts',
      'lastStatus',
      'lastError',
      'deliveredAt',
    ],
    description:
      'Every event sent to a webhook: pending, delivered, retrying (with the next attempt) or failed after the last attempt. Admins can send it again with POST /api/loyalty/webhook-deliveries/:id/redeliver.',
    group: 'Loyalty',
    listSearchableFields: ['eventId', 'eventType'],
    useAsTitle: 'eventType',
  },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'webhook',
      type: 'relationship',
      admin: { readOnly: true },
      index: true,
      relationTo: loyaltySlugs.webhooks,
    },
    {
      name: 'eventType',
      type: 'select',
      admin: { readOnly: true },
      index: true,
      options: [...webhookEventTypes, webhookTestEventType].map((value) => ({
        label: value,
        value,
      })),
      required: true,
    },
    {
      name: 'eventId',
      type: 'text',
      admin: {
        description:
          'Sent as x-partnerclub-delivery and as the body’s id; receivers deduplicate by it.',
        readOnly: true,
      },
      index: true,
      label: 'Event id',
      required: true,
    },
    {
      name: 'status',
      type: 'select',
      admin: { position: 'sidebar', readOnly: true },
      defaultValue: 'pending',
      index: true,
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Delivered', value: 'delivered' },
        { label: 'Retrying', value: 'retrying' },
        { label: 'Failed', value: 'failed' },
      ],
      required: true,
    },
    ...(options.disabled
      ? []
      : [
          {
            name: 'redeliver',
            type: 'ui' as const,
            admin: {
              components: { Field: '/plugins/loyalty/components/WebhookActions#RedeliverButton' },
              position: 'sidebar' as const,
            },
          },
        ]),
    {
      name: 'attempts',
      type: 'number',
      admin: { position: 'sidebar', readOnly: true },
      defaultValue: 0,
      required: true,
    },
    {
      name: 'maxAttempts',
      type: 'number',
      admin: { position: 'sidebar', readOnly: true },
      label: 'Most attempts',
    },
    {
      name: 'lastStatus',
      type: 'number',
      admin: { position: 'sidebar', readOnly: true },
      label: 'Last HTTP status',
    },
    {
      name: 'lastError',
      type: 'text',
      admin: { readOnly: true },
      label: 'Last error',
    },
    {
      name: 'nextAttemptAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar', readOnly: true },
      label: 'Next attempt at',
    },
    {
      name: 'deliveredAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, position: 'sidebar', readOnly: true },
    },
    {
      name: 'durationMs',
      type: 'number',
      admin: { position: 'sidebar', readOnly: true },
      label: 'Duration (ms) of the last attempt',
    },
    {
      name: 'body',
      type: 'code',
      admin: {
        description: 'The JSON body exactly as sent (every attempt sends the same bytes).',
        language: 'json',
        readOnly: true,
      },
      label: 'Payload (JSON)',
      required: true,
    },
  ],
  labels: { plural: 'Webhook deliveries', singular: 'Webhook delivery' },
})
