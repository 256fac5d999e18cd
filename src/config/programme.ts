/**
 * Lists that shape the programme. Each list can be extended without code changes through an
 * environment variable holding `value:Label` pairs separated by commas, e.g.
 * `JOB_ROLES_EXTRA="planner:Planner,service-lead:Service lead"`.
 * Values are stored in the database; remove one only after no document uses it.
 */
export type Option = { label: string; value: string }

const extra = (variable: string): Option[] =>
  (process.env[variable] || '')
    .split(',')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const [value, label] = pair.split(':').map((part) => part.trim())
      if (!value || !/^[a-z][a-z0-9-]*$/.test(value)) {
        throw new Error(
          `${variable}: "${pair}" is not valid; use value:Label with a lower-case value (letters, digits, dashes).`,
        )
      }
      return { label: label || value, value }
    })

const merge = (base: Option[], variable: string): Option[] => {
  const seen = new Set(base.map((option) => option.value))
  return [...base, ...extra(variable).filter((option) => !seen.has(option.value))]
}

/** Job roles of partner employees; earning rules can differ by role. Extend with `JOB_ROLES_EXTRA`. */
export const jobRoles: Option[] = merge(
  [
    { label: 'Management', value: 'management' },
    { label: 'Sales', value: 'sales' },
    { label: 'Engineer', value: 'engineer' },
    { label: 'Purchasing', value: 'purchasing' },
    { label: 'Technician', value: 'technician' },
  ],
  'JOB_ROLES_EXTRA',
)

/** Kinds of partner company. Extend with `PARTNER_TYPES_EXTRA`. */
export const partnerTypes: Option[] = merge(
  [
    { label: 'Distributor', value: 'distributor' },
    { label: 'Reseller', value: 'reseller' },
    { label: 'Integrator', value: 'integrator' },
    { label: 'Installer', value: 'installer' },
  ],
  'PARTNER_TYPES_EXTRA',
)

/** Sales regions. Extend with `REGIONS_EXTRA`. */
export const regions: Option[] = merge(
  [
    { label: 'DACH', value: 'dach' },
    { label: 'Benelux', value: 'benelux' },
    { label: 'Nordics', value: 'nordics' },
    { label: 'UK & Ireland', value: 'uk-ie' },
    { label: 'France', value: 'france' },
    { label: 'Southern Europe', value: 'south' },
    { label: 'Central & Eastern Europe', value: 'cee' },
  ],
  'REGIONS_EXTRA',
)

/** Customer industries for case studies. Extend with `INDUSTRIES_EXTRA`. */
export const industries: Option[] = merge(
  [
    { label: 'Residential', value: 'residential' },
    { label: 'Commercial offices', value: 'commercial' },
    { label: 'Hospitality', value: 'hospitality' },
    { label: 'Healthcare', value: 'healthcare' },
    { label: 'Education', value: 'education' },
    { label: 'Industry & logistics', value: 'industrial' },
    { label: 'Public sector', value: 'public' },
  ],
  'INDUSTRIES_EXTRA',
)

/** Languages members can choose for the portal and mails. */
export const locales: Option[] = [
  { label: 'English', value: 'en' },
  { label: 'Deutsch', value: 'de' },
  { label: 'Français', value: 'fr' },
  { label: 'Nederlands', value: 'nl' },
  { label: 'Polski', value: 'pl' },
]

/** Course levels. */
export const courseLevels: Option[] = [
  { label: 'Foundation', value: 'foundation' },
  { label: 'Intermediate', value: 'intermediate' },
  { label: 'Advanced', value: 'advanced' },
]

/** Kinds of event. */
export const eventTypes: Option[] = [
  { label: 'Webinar', value: 'webinar' },
  { label: 'Club event', value: 'club-event' },
  { label: 'Conference', value: 'conference' },
  { label: 'Training', value: 'training' },
]
