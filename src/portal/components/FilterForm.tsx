import type { ReactNode } from 'react'

import { Button } from './Button'

export type FilterOption = { label: string; value: string }
export type FilterField = { label: string; name: string; options: FilterOption[]; value?: string }

/** Filters as a plain GET form: works without JavaScript, and the URL can be shared. */
export function FilterForm({
  action,
  children,
  fields,
}: {
  action: string
  children?: ReactNode
  fields: FilterField[]
}) {
  return (
    <form action={action} aria-label="Filters" className="pc-filters" method="get" role="search">
      {fields.map((field) => (
        <div className="pc-field" key={field.name}>
          <label htmlFor={`filter-${field.name}`}>{field.label}</label>
          <select
            className="pc-select"
            defaultValue={field.value ?? ''}
            id={`filter-${field.name}`}
            name={field.name}
          >
            <option value="">All</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {children}
      <Button type="submit" variant="secondary">
        Apply filters
      </Button>
    </form>
  )
}
