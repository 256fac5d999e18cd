import type { CollectionConfig } from 'payload'

import { APIError } from 'payload'

import { adminsOnly, signedInAdmin } from '../access'
import {
  checkWebhookSecret,
  checkWebhookUrl,
  generateWebhookSecret,
  isWebhookEventType,
  webhookEventTypes,
} from '../engine/webhooks'
import { clearOnChange } from '../services/cache'
import { webhooksCacheKey } from '../services/webhooks'
import { type ResolvedLoyaltyOptions, loyaltySlugs } from '../types'

/**
 * Outbound webhooks: URLs that receive the plugin's domain events as signed JSON POSTs (see
 * `loyalty-webhook-deliveries` and the README). Admins only, for every operation; the secret
 * is never returned to anyone else.
 */
export const webhooksCollection = (options: ResolvedLoyaltyOptions): CollectionConfig => {
  const clear = clearOnChange(webhooksCacheKey)
  return {
    slug: loyaltySlugs.webhooks,
    access: {
      create: adminsOnly(options),
      delete: adminsOnly(options),
      read: adminsOnly(options),
      update: adminsOnly(options),
    },
    admin: {
      defaultColumns: ['url', 'events', 'active', 'description', 'updatedAt'],
      description:
        'Other systems (a CRM, a chat channel) receive events as signed JSON POSTs. Each delivery and its attempts are under Webhook deliveries.',
      group: 'Loyalty',
      hidden: ({ user }) => !options.isAdmin(user),
      useAsTitle: 'url',
    },
    defaultSort: '-createdAt',
    fields: [
      {
        name: 'url',
        type: 'text',
        admin: { description: 'Where events are POSTed, e.g. https://crm.example.com/hooks/club.' },
        label: 'URL',
        maxLength: 2000,
        required: true,
        validate: (value: unknown) =>
          checkWebhookUrl(value, {
            allowPrivateAddresses: options.webhooks.allowPrivateAddresses,
          }) ?? true,
      },
      {
        name: 'events',
        type: 'select',
        admin: { description: 'The events this URL receives.' },
        hasMany: true,
        options: webhookEventTypes.map((value) => ({ label: value, value })),
        required: true,
        validate: (value: unknown) => {
          if (!Array.isArray(value) || value.length === 0) {
            return 'Choose at least one event to send.'
          }
          const unknown = value.filter((item) => !isWebhookEventType(item))
          if (unknown.length > 0) {
            return `Unknown event ${JSON.stringify(String(unknown[0]).slice(0, 60))}: choose from ${webhookEventTypes.join(', ')}.`
          }
          return true
        },
      },
      {
        name: 'active',
        type: 'checkbox',
        admin: { description: 'Switched off, the webhook receives nothing new.' },
        defaultValue: true,
        index: true,
      },
      { name: 'description', type: 'textarea', maxLength: 1000 },
      // The admin endpoint behind the button exists unless the plugin is disabled.
      ...(options.disabled
        ? []
        : [
            {
              name: 'sendTestEvent',
              type: 'ui' as const,
              admin: {
                components: {
                  Field: '/plugins/loyalty/components/WebhookActions#SendTestEventButton',
                },
                position: 'sidebar' as const,
              },
            },
          ]),
      {
        name: 'secret',
        type: 'text',
        access: {
          // Field-level too: even where the document is shown to someone else (a populated
          // relationship), its secret is not.
          read: ({ req }) => signedInAdmin(req, options),
        },
        admin: {
          description:
            'Signs every delivery (HMAC-SHA256, header x-partnerclub-signature). Leave empty to have one generated; change it to rotate.',
        },
        hooks: {
          beforeValidate: [
            // Kept when an update leaves it out; generated when empty.
            ({ originalDoc, value }) => {
              if (typeof value === 'string' && value.trim() !== '') return value
              const kept = (originalDoc as null | undefined | { secret?: unknown })?.secret
              if (value === undefined && typeof kept === 'string' && kept !== '') return kept
              return generateWebhookSecret()
            },
          ],
        },
        validate: (value: unknown) => checkWebhookSecret(value) ?? true,
      },
    ],
    hooks: {
      afterChange: clear.afterChange,
      afterDelete: clear.afterDelete,
      // Payload answers a body that is not an object (e.g. `""`) with a 500; say what is wrong.
      beforeOperation: [
        ({ args, operation }) => {
          const data = (args as { data?: unknown }).data
          if (
            (operation === 'create' || operation === 'update') &&
            (typeof data !== 'object' || data === null || Array.isArray(data))
          ) {
            throw new APIError('The request body must be a JSON object.', 400, null, true)
          }
          return args
        },
      ],
    },
    labels: { plural: 'Webhooks', singular: 'Webhook' },
  }
}
