import type { ArrayField, UIField, Validate } from 'payload'

import type { FeedbackQuestion } from '../engine/feedback'

type QuestionRow = {
  id?: null | string
  kind?: null | string
  options?: null | { id?: null | string; label?: null | string }[]
  question?: null | string
  required?: boolean | null
  scaleMax?: null | number
}

const kinds = [
  { label: 'Single choice', value: 'choice' },
  { label: 'Scale (1 to n)', value: 'scale' },
  { label: 'Text', value: 'text' },
]

const validateOptions: Validate = (value, { siblingData }) => {
  const kind = (siblingData as QuestionRow | undefined)?.kind
  if (kind !== 'choice') return true
  const rows = Array.isArray(value) ? value.length : typeof value === 'number' ? value : 0
  return rows >= 2 ? true : 'A single-choice question needs at least two options.'
}

/**
 * The questions marketers add to one event or course, asked after the recommendation score and
 * the rating. Each row's id is the question's id in answers (choice options likewise).
 */
export const feedbackQuestionsField = (name: string, maxQuestions: number): ArrayField => ({
  name,
  type: 'array',
  admin: {
    description:
      'Asked after the member attended or completed it, besides "How likely are you to recommend it?" (0–10) and a rating of the content (1–5).',
    initCollapsed: true,
  },
  fields: [
    { name: 'question', type: 'text', maxLength: 200, required: true },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          defaultValue: 'choice',
          label: 'Answer',
          options: kinds,
          required: true,
        },
        {
          name: 'scaleMax',
          type: 'number',
          admin: {
            condition: (_data, sibling) => (sibling as QuestionRow | undefined)?.kind === 'scale',
            description: 'Answers from 1 to this.',
          },
          defaultValue: 5,
          label: 'Scale up to',
          max: 10,
          min: 2,
        },
        {
          name: 'required',
          type: 'checkbox',
          defaultValue: false,
          label: 'Answer required',
        },
      ],
    },
    {
      name: 'options',
      type: 'array',
      admin: {
        condition: (_data, sibling) => (sibling as QuestionRow | undefined)?.kind === 'choice',
      },
      fields: [{ name: 'label', type: 'text', maxLength: 100, required: true }],
      labels: { plural: 'Options', singular: 'Option' },
      maxRows: 8,
      validate: validateOptions,
    },
  ],
  label: 'Feedback questions',
  labels: { plural: 'Feedback questions', singular: 'Feedback question' },
  maxRows: maxQuestions,
})

/**
 * The sidebar panel with the feedback in figures (staff see it): of an event or a course, or of
 * an organisation's members.
 */
export const feedbackSummaryField = (
  component: string,
  scope: 'item' | 'organisation',
): UIField => ({
  name: 'feedbackSummary',
  type: 'ui',
  admin: {
    components: { Field: { clientProps: { scope }, path: component } },
    position: 'sidebar',
  },
})

/**
 * The questions of an item as the engine sees them (rows without an id or a question, and
 * choice questions without options, are left out: the member could not answer them).
 */
export const questionsOf = (value: unknown): FeedbackQuestion[] =>
  (Array.isArray(value) ? (value as QuestionRow[]) : [])
    .filter((row) => row && row.id && row.question)
    .map((row): FeedbackQuestion => {
      const kind = row.kind === 'scale' || row.kind === 'text' ? row.kind : 'choice'
      return {
        id: String(row.id),
        kind,
        ...(kind === 'choice'
          ? {
              options: (row.options ?? [])
                .filter((option) => option?.id && option.label)
                .map((option) => ({ id: String(option.id), label: String(option.label) })),
            }
          : {}),
        question: String(row.question),
        required: Boolean(row.required),
        ...(kind === 'scale' ? { scaleMax: row.scaleMax ?? 5 } : {}),
      }
    })
    .filter((question) => question.kind !== 'choice' || (question.options ?? []).length >= 2)
