/**
 * Demo content for Partner Club: the partner programme of the fictional heat pump manufacturer
 * Nordwind Heat Systems. Rich text is Markdown; references use the `key` of the referenced item.
 */
import type {
  SeedCaseStudy,
  SeedCourse,
  SeedEvent,
  SeedMember,
  SeedPartner,
  SeedTier,
} from './types'

export const tiers: SeedTier[] = [
  {
    key: 'bronze',
    name: 'Bronze',
    rank: 1,
    threshold: 0,
    multiplier: 1,
    qualifyingMonths: 12,
    colour: '#a0673a',
    benefitsMarkdown: `- Full access to foundation and intermediate courses
- Monthly product webinars with recordings
- Partner price list and marketing material downloads
- Technical hotline during business hours`,
  },
  {
    key: 'silver',
    name: 'Silver',
    rank: 2,
    threshold: 500,
    multiplier: 1.1,
    qualifyingMonths: 12,
    colour: '#8a939b',
    benefitsMarkdown: `- Everything in Bronze, plus **10 % bonus points** on every activity
- Invitations to regional Club evenings
- Access to members-only case studies and sales toolkits
- Priority scheduling for commissioning support`,
  },
  {
    key: 'gold',
    name: 'Gold',
    rank: 3,
    threshold: 1500,
    multiplier: 1.25,
    qualifyingMonths: 12,
    colour: '#c0922b',
    benefitsMarkdown: `- Everything in Silver, plus **25 % bonus points** on every activity
- GeoCore system design masterclass and advanced certifications
- Named technical account manager and project design reviews
- Listing as a Nordwind Premium Partner on the homeowner installer finder`,
  },
]

export const partners: SeedPartner[] = [
  {
    key: 'klimatech',
    name: 'KlimaTech Haustechnik GmbH',
    type: 'installer',
    region: 'dach',
    city: 'Munich',
    website: 'https://klimatech.example',
  },
  {
    key: 'vanderberg',
    name: 'Van der Berg Warmtetechniek B.V.',
    type: 'distributor',
    region: 'benelux',
    city: 'Utrecht',
    website: 'https://vanderberg-warmte.example',
  },
  {
    key: 'polterm',
    name: 'Polterm Systemy Grzewcze Sp. z o.o.',
    type: 'integrator',
    region: 'cee',
    city: 'Wrocław',
    website: 'https://polterm.example',
  },
  {
    key: 'brightheat',
    name: 'BrightHeat Home Energy Ltd',
    type: 'reseller',
    region: 'uk-ie',
    city: 'Leeds',
    website: 'https://brightheat.example',
  },
]

export const members: SeedMember[] = [
  {
    email: 'anna.becker@partners.example',
    name: 'Anna Becker',
    jobRole: 'management',
    locale: 'de',
    partnerKey: 'klimatech',
    partnerManager: true,
    tierKey: 'silver',
  },
  {
    email: 'tom.jansen@partners.example',
    name: 'Tom Jansen',
    jobRole: 'engineer',
    locale: 'nl',
    partnerKey: 'vanderberg',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'lukas.hoffmann@partners.example',
    name: 'Lukas Hoffmann',
    jobRole: 'engineer',
    locale: 'de',
    partnerKey: 'klimatech',
    partnerManager: false,
    tierKey: 'gold',
  },
  {
    email: 'sabine.wagner@partners.example',
    name: 'Sabine Wagner',
    jobRole: 'sales',
    locale: 'de',
    partnerKey: 'klimatech',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'jonas.richter@partners.example',
    name: 'Jonas Richter',
    jobRole: 'technician',
    locale: 'de',
    partnerKey: 'klimatech',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'miriam.schulz@partners.example',
    name: 'Miriam Schulz',
    jobRole: 'purchasing',
    locale: 'en',
    partnerKey: 'klimatech',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'eva.devries@partners.example',
    name: 'Eva de Vries',
    jobRole: 'management',
    locale: 'nl',
    partnerKey: 'vanderberg',
    partnerManager: true,
    tierKey: 'silver',
  },
  {
    email: 'pieter.bakker@partners.example',
    name: 'Pieter Bakker',
    jobRole: 'sales',
    locale: 'nl',
    partnerKey: 'vanderberg',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'claire.dubois@partners.example',
    name: 'Claire Dubois',
    jobRole: 'sales',
    locale: 'fr',
    partnerKey: 'vanderberg',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'sanne.visser@partners.example',
    name: 'Sanne Visser',
    jobRole: 'purchasing',
    locale: 'nl',
    partnerKey: 'vanderberg',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'katarzyna.nowak@partners.example',
    name: 'Katarzyna Nowak',
    jobRole: 'management',
    locale: 'pl',
    partnerKey: 'polterm',
    partnerManager: true,
    tierKey: 'gold',
  },
  {
    email: 'piotr.wisniewski@partners.example',
    name: 'Piotr Wiśniewski',
    jobRole: 'engineer',
    locale: 'pl',
    partnerKey: 'polterm',
    partnerManager: false,
    tierKey: 'silver',
  },
  {
    email: 'marek.kowalczyk@partners.example',
    name: 'Marek Kowalczyk',
    jobRole: 'technician',
    locale: 'pl',
    partnerKey: 'polterm',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'agnieszka.zielinska@partners.example',
    name: 'Agnieszka Zielińska',
    jobRole: 'sales',
    locale: 'en',
    partnerKey: 'polterm',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'james.whitfield@partners.example',
    name: 'James Whitfield',
    jobRole: 'management',
    locale: 'en',
    partnerKey: 'brightheat',
    partnerManager: true,
    tierKey: 'silver',
  },
  {
    email: 'sophie.turner@partners.example',
    name: 'Sophie Turner',
    jobRole: 'sales',
    locale: 'en',
    partnerKey: 'brightheat',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'daniel.oconnor@partners.example',
    name: "Daniel O'Connor",
    jobRole: 'technician',
    locale: 'en',
    partnerKey: 'brightheat',
    partnerManager: false,
    tierKey: 'bronze',
  },
  {
    email: 'emily.clarke@partners.example',
    name: 'Emily Clarke',
    jobRole: 'engineer',
    locale: 'en',
    partnerKey: 'brightheat',
    partnerManager: false,
    tierKey: 'bronze',
  },
]

export const courses: SeedCourse[] = [
  {
    key: 'fundamentals',
    slug: 'heat-pump-fundamentals',
    title: 'Heat pump fundamentals',
    summary:
      'How a heat pump moves heat, what COP and SCOP really mean, why flow temperature matters so much, and how the Nordwind range fits together. The starting point for everyone in the programme.',
    level: 'foundation',
    targetJobRoles: ['engineer', 'sales', 'technician', 'management', 'purchasing'],
    requiredTierKey: null,
    estimatedMinutes: 35,
    feedbackQuestions: [
      {
        kind: 'choice',
        options: [
          { label: 'The refrigerant cycle' },
          { label: 'COP and SCOP' },
          { label: 'Flow temperature' },
          { label: 'The Nordwind range' },
        ],
        question: 'Which part helped you most?',
      },
      {
        kind: 'scale',
        question: 'How confident are you now explaining COP to a customer?',
        scaleMax: 5,
      },
    ],
    issuesCertificate: true,
    productTags: [
      'AeroTherm 8',
      'AeroTherm 12',
      'AeroTherm 16',
      'GeoCore 10',
      'HydroBox',
      'SmartFlow',
    ],
    lessons: [
      {
        title: 'How a heat pump moves heat',
        minimumSeconds: 45,
        videoUrl: 'https://video.nordwind.example/lessons/how-a-heat-pump-moves-heat',
        bodyMarkdown: `A heat pump does not create heat by burning anything. It **moves** low-temperature energy from outside air, the ground or water up to a temperature that is useful for heating and hot water. The electricity it uses drives that transfer, which is why one kilowatt-hour of electricity can deliver three to five kilowatt-hours of heat.

## The refrigerant cycle

- **Evaporator:** the cold refrigerant absorbs heat from the source and evaporates, even at outdoor temperatures well below zero.
- **Compressor:** compressing the vapour raises its pressure and temperature.
- **Condenser:** the hot vapour gives its heat to the heating water and condenses back to liquid.
- **Expansion valve:** the pressure drops again and the cycle restarts.

All AeroTherm and GeoCore units use **R290 (propane)**, a natural refrigerant with a global warming potential of 3. It is not affected by the F-gas phase-down and allows flow temperatures up to 70 °C, which makes it a strong choice for replacing boilers in existing buildings.`,
      },
      {
        title: 'COP, SCOP and why flow temperature matters',
        minimumSeconds: 60,
        bodyMarkdown: `The **coefficient of performance (COP)** is heat output divided by electrical input at one fixed operating point, written as source and sink temperatures. A7/W35 means 7 °C outdoor air and 35 °C flow water. An AeroTherm 8 reaches a COP of about 5.0 at A7/W35 but around 3.0 at A7/W55, because the compressor has to lift the heat further.

The **seasonal coefficient of performance (SCOP)** to EN 14825 averages performance over a whole reference heating season, including cold days, defrosting and part load. It is the better figure for comparing products and estimating running costs. Always compare SCOP values for the same climate zone and the same flow temperature (35 °C or 55 °C).

## The rule of thumb

Every 1 K reduction in flow temperature improves efficiency by roughly **2 to 3 %**. That is why good design focuses on emitters, weather compensation and hydraulic balancing: a system that runs at 45 °C instead of 55 °C on the coldest day can use over 20 % less electricity across the year.`,
      },
      {
        title: 'Air source or ground source?',
        minimumSeconds: 40,
        bodyMarkdown: `**Air-to-water** heat pumps such as the AeroTherm range are quick to install, need no drilling and suit most homes and small commercial buildings. Their weakness is that the source is coldest exactly when heat demand is highest, and the outdoor unit needs to be placed with noise and airflow in mind.

**Ground-source** heat pumps such as the GeoCore 10 draw heat from boreholes or horizontal collectors. From about 10 m depth the ground stays at 8 to 12 °C all year, so the unit works at a more stable operating point (rated at B0/W35) and typically achieves a higher seasonal efficiency. The trade-off is the higher cost and the permits needed for drilling.

A practical guide: choose AeroTherm where budget and speed matter and space outdoors is available; choose GeoCore where the site allows drilling, where quiet operation is critical, or where passive cooling in summer is valued.`,
      },
      {
        title: 'The Nordwind system at a glance',
        minimumSeconds: 30,
        videoUrl: 'https://video.nordwind.example/lessons/nordwind-system-overview',
        bodyMarkdown: `- **AeroTherm 8, 12 and 16:** monobloc air-to-water outdoor units with nominal outputs of 8, 12 and 16 kW. The R290 circuit is sealed at the factory, so no refrigerant work is needed on site.
- **GeoCore 10:** a 10 kW brine-to-water unit for boreholes or ground collectors, with an optional passive cooling module.
- **HydroBox:** the indoor module with circulation pump, 3-way valve for hot water, 6 kW backup heater, expansion vessel and heat meter.
- **SmartFlow:** the controller and app for weather compensation, hot water schedules, tariff optimisation and remote diagnostics for the installer.

Up to four units can run in cascade under one SmartFlow controller, which covers everything from a terraced house to a school or small hotel.`,
      },
    ],
    quiz: {
      passMarkPercent: 70,
      attemptsAllowed: 3,
      questions: [
        {
          question: 'What does SCOP describe?',
          explanation:
            'SCOP to EN 14825 averages efficiency over a full reference heating season, so it is the best basis for comparing products.',
          options: [
            { label: 'Efficiency at one fixed operating point such as A7/W35', correct: false },
            {
              label:
                'Average efficiency across a whole heating season, including part load and defrosting',
              correct: true,
            },
            { label: 'The maximum heat output at -20 °C outdoor temperature', correct: false },
            { label: 'The sound power level of the outdoor unit', correct: false },
          ],
        },
        {
          question: 'Which refrigerant do AeroTherm and GeoCore units use?',
          explanation:
            'All current Nordwind units use R290 (propane), a natural refrigerant with a GWP of 3.',
          options: [
            { label: 'R410A', correct: false },
            { label: 'R32', correct: false },
            { label: 'R290', correct: true },
          ],
        },
        {
          question:
            'Roughly how much does efficiency improve for every 1 K reduction in flow temperature?',
          explanation:
            'As a rule of thumb, each kelvin lower flow temperature improves efficiency by about 2 to 3 %.',
          options: [
            { label: 'About 0.1 %', correct: false },
            { label: 'About 2 to 3 %', correct: true },
            { label: 'About 10 %', correct: false },
            { label: 'It makes no difference', correct: false },
          ],
        },
        {
          question: 'Which of these are heat sources for a GeoCore 10? (Select two.)',
          explanation:
            'GeoCore is a brine-to-water unit that draws heat from vertical boreholes or horizontal ground collectors.',
          options: [
            { label: 'Vertical boreholes', correct: true },
            { label: 'Horizontal ground collectors', correct: true },
            { label: 'Outdoor air', correct: false },
            { label: 'Exhaust gas from a boiler', correct: false },
          ],
        },
      ],
    },
  },
  {
    key: 'aerotherm-installation',
    slug: 'aerotherm-installation-and-commissioning',
    title: 'AeroTherm installation and commissioning',
    summary:
      'Siting the outdoor unit for R290 safety and noise, sizing and balancing the hydraulics, wiring the SmartFlow controller and commissioning an AeroTherm system right first time.',
    level: 'intermediate',
    targetJobRoles: ['engineer', 'technician'],
    requiredTierKey: null,
    estimatedMinutes: 60,
    issuesCertificate: true,
    productTags: ['AeroTherm 8', 'AeroTherm 12', 'AeroTherm 16', 'HydroBox', 'SmartFlow'],
    lessons: [
      {
        title: 'Siting the outdoor unit: safety and noise',
        minimumSeconds: 60,
        videoUrl: 'https://video.nordwind.example/lessons/siting-the-outdoor-unit',
        bodyMarkdown: `R290 is heavier than air and flammable, so every AeroTherm has a **protection zone** defined in the installation manual. Inside it there must be no drains, light wells, cellar openings, windows or doors that open, ventilation inlets or ignition sources such as sockets and lamps. Refrigerant that escapes can then only disperse outdoors.

## Noise

Check noise before you promise a location. Manufacturers publish **sound power** (a property of the unit); what matters to neighbours is **sound pressure** at their window, which falls by about 6 dB for each doubling of distance and rises by 3 dB for every reflecting wall behind the unit. Local limits apply, for example TA Lärm in Germany (35 dB(A) at night in purely residential areas) or the MCS 020 assessment in England. Use the AeroTherm night mode if you are close to the limit.

## Practical points

- Mount on a plinth or wall brackets at least 300 mm above ground or expected snow level.
- Provide a frost-free route for defrost water; a blocked drain leads to ice build-up on the coil.
- Keep the clearances in the manual so the fan does not recirculate its own cold air.`,
      },
      {
        title: 'Hydraulics and hydraulic balancing',
        minimumSeconds: 75,
        bodyMarkdown: `Size the pipework for the design flow rate, not for the pipe size the old boiler had. The required flow is **Q = P / (1.163 × ΔT)**, with Q in m³/h, P in kW and ΔT in K. An AeroTherm 8 at a 5 K spread needs about 1.4 m³/h; an AeroTherm 16 needs about 2.8 m³/h. Undersized pipes cause low-flow alarms, noise and short cycling.

**Hydraulic balancing** ensures that every radiator or underfloor loop receives its design flow. Without it, the rooms nearest the HydroBox overheat while distant rooms stay cold, and the usual "fix" is to raise the heating curve, which costs efficiency for the whole season. Set the pre-settings on each valve from the room-by-room heat load calculation.

## Water quality and volume

- Fit a magnetic dirt separator in the return before the HydroBox.
- Fill with treated water according to VDI 2035 or the local equivalent.
- Guarantee the minimum system volume in the manual (for defrosting) with open zones or a small buffer vessel.`,
      },
      {
        title: 'Electrical connection and SmartFlow controls',
        minimumSeconds: 45,
        bodyMarkdown: `Each AeroTherm needs its own dedicated circuit with the protective device specified in the manual; the HydroBox backup heater is supplied separately. Where the grid operator requires a controllable connection, such as under section 14a EnWG in Germany, wire the utility signal to the SmartFlow input so the unit reduces power on request rather than switching off completely.

Mount the outdoor temperature sensor on a north or north-east wall, out of direct sun and away from windows and the outdoor unit's exhaust air. A badly placed sensor is one of the most common causes of complaints about comfort.

Connect SmartFlow to the homeowner's network and register the installation in the installer portal. This enables remote diagnostics, firmware updates and the commissioning report, and it is required for the extended Nordwind warranty.`,
      },
      {
        title: 'Commissioning step by step',
        minimumSeconds: 90,
        videoUrl: 'https://video.nordwind.example/lessons/aerotherm-commissioning',
        bodyMarkdown: `1. Flush the system, fill it and vent it thoroughly; set the cold fill pressure to about 1.5 bar.
2. Open all zones and check the flow rate shown in SmartFlow against your design value.
3. Set the heating curve from the design flow temperature at the design outdoor temperature, not from the factory default.
4. Configure hot water: target temperature (typically 48 to 50 °C) and a weekly anti-legionella cycle at 60 °C using the backup heater.
5. Run heating and hot water in turn and check the temperature spread, defrost behaviour and noise.

Finish the **commissioning report** in the SmartFlow app: it stores the measured values and the photos of the installation, and it sends the homeowner a digital handover document.

Before you leave, explain to the homeowner that a heat pump works best with steady, low temperatures. Night set-backs of more than 2 K and closing thermostatic valves in unused rooms usually increase consumption.`,
      },
    ],
    quiz: {
      passMarkPercent: 75,
      attemptsAllowed: 3,
      questions: [
        {
          question:
            'What flow rate does an AeroTherm 12 need at 12 kW output and a 5 K temperature spread?',
          explanation: 'Q = 12 / (1.163 × 5) gives about 2.1 m³/h.',
          options: [
            { label: 'About 0.6 m³/h', correct: false },
            { label: 'About 2.1 m³/h', correct: true },
            { label: 'About 4.1 m³/h', correct: false },
            { label: 'About 10 m³/h', correct: false },
          ],
        },
        {
          question:
            'Which of these must not be inside the R290 protection zone of the outdoor unit?',
          explanation:
            'Leaked R290 sinks and must not reach drains, openings into the building or ignition sources.',
          options: [
            { label: 'A lawn', correct: false },
            { label: 'A cellar light well', correct: true },
            { label: 'A garden fence', correct: false },
          ],
        },
        {
          question: 'Why is hydraulic balancing important for a heat pump?',
          explanation:
            'Balanced flow lets every room reach temperature without raising the heating curve, which keeps the flow temperature and running costs low.',
          options: [
            {
              label: 'It allows the system to run at the lowest possible flow temperature',
              correct: true,
            },
            { label: 'It is only needed for gas boilers', correct: false },
            { label: 'It raises the system pressure', correct: false },
            { label: 'It replaces the need for a heat loss calculation', correct: false },
          ],
        },
      ],
    },
  },
  {
    key: 'selling-homeowners',
    slug: 'selling-heat-pumps-to-homeowners',
    title: 'Selling heat pumps to homeowners',
    summary:
      'Understand what homeowners really want, talk about running costs honestly, handle the common objections and move from the first visit to a signed quote.',
    level: 'foundation',
    targetJobRoles: ['sales', 'management'],
    requiredTierKey: null,
    estimatedMinutes: 30,
    issuesCertificate: false,
    productTags: ['AeroTherm 8', 'AeroTherm 12', 'SmartFlow'],
    lessons: [
      {
        title: 'What homeowners really want',
        minimumSeconds: 30,
        bodyMarkdown: `Most homeowners do not buy a heat pump; they buy **lower bills, a warm home and peace of mind**. Many enquiries come when an old boiler is failing, so speed and reliability matter as much as efficiency.

Start every conversation with questions: How old is the current system? Which rooms are hard to heat? What do you pay for energy today? Do you have or plan solar PV or an electric car? The answers tell you which benefits to lead with and which product size is likely.

Keep technical language for the engineers. "The system runs at a lower temperature for longer, like cruise control" explains weather compensation better than a heating curve diagram.`,
      },
      {
        title: 'Talking about running costs',
        minimumSeconds: 45,
        videoUrl: 'https://video.nordwind.example/lessons/running-cost-conversations',
        bodyMarkdown: `Compare the **cost per kilowatt-hour of heat**, not the cost per kilowatt-hour of fuel. Gas at 10 ct/kWh in a boiler with 90 % efficiency gives heat at about 11 ct/kWh. Electricity at 30 ct/kWh in a heat pump with an SCOP of 3.5 gives heat at about 8.6 ct/kWh, and a dedicated heat pump tariff lowers it further.

Always use the homeowner's own prices and consumption, and be conservative with the SCOP. An honest estimate that the customer beats is worth far more than an optimistic one they miss: disappointed customers leave reviews.

## Useful extras

- SmartFlow can shift hot water heating to cheaper tariff hours or to times of PV surplus.
- Show the SmartFlow app demo mode so the customer sees their future energy dashboard.`,
      },
      {
        title: 'Handling common objections',
        minimumSeconds: 45,
        bodyMarkdown: `- **"Heat pumps do not work in old houses."** Many existing homes can be heated at 55 °C or below. A heat loss calculation often shows that replacing two or three undersized radiators is enough, and R290 units can supply up to 70 °C where needed.
- **"They are noisy."** Modern units are quiet; the AeroTherm 8 in night mode is comparable to a quiet conversation at a few metres. Show the noise calculation for the chosen location.
- **"It is too expensive."** Compare the total cost over 15 to 20 years, including subsidies such as BEG funding in Germany or the Boiler Upgrade Scheme in the UK. Subsidy rules change, so always check the current conditions before quoting.

Acknowledge the concern first, answer with facts from this specific house, then confirm that the answer helped before moving on.`,
      },
      {
        title: 'From site survey to signed quote',
        minimumSeconds: 30,
        bodyMarkdown: `Book the survey with the engineer who will design the system. Measure rooms and radiators, note insulation and windows, check the outdoor location for the protection zone and noise, and photograph the meter and fuse box.

Send the proposal within three working days. Offer a recommended option and, where it makes sense, an alternative (for example with a larger hot water cylinder or PV integration). Include the heat load result, expected running costs, the subsidy steps and a clear timeline.

Follow up by phone rather than email. If the customer hesitates, ask what is missing; it is usually a question about disruption during installation, which you can answer with photos from a similar project.`,
      },
    ],
    quiz: {
      passMarkPercent: 70,
      attemptsAllowed: 3,
      questions: [
        {
          question:
            'Electricity costs 30 ct/kWh and the heat pump has an SCOP of 3.5. What is the approximate cost of heat?',
          explanation: '30 ct divided by 3.5 gives about 8.6 ct per kilowatt-hour of heat.',
          options: [
            { label: 'About 3.5 ct/kWh', correct: false },
            { label: 'About 8.6 ct/kWh', correct: true },
            { label: 'About 30 ct/kWh', correct: false },
            { label: 'About 105 ct/kWh', correct: false },
          ],
        },
        {
          question: 'What is the best first response to "Heat pumps do not work in old houses"?',
          explanation:
            'A heat loss calculation shows what flow temperature this house actually needs and which radiators, if any, need replacing.',
          options: [
            { label: 'Agree and recommend a new gas boiler', correct: false },
            { label: 'Offer a heat loss calculation for this specific house', correct: true },
            { label: 'Promise that no radiators will ever need replacing', correct: false },
          ],
        },
        {
          question: 'Which running cost estimate builds the most trust?',
          explanation:
            "A conservative estimate based on the customer's own figures is one the customer is likely to beat.",
          options: [
            { label: 'The best case from the datasheet', correct: false },
            {
              label: "A conservative estimate using the customer's own prices and consumption",
              correct: true,
            },
            { label: "An average taken from a competitor's brochure", correct: false },
          ],
        },
      ],
    },
  },
  {
    key: 'geocore-masterclass',
    slug: 'geocore-system-design-masterclass',
    title: 'GeoCore system design masterclass',
    summary:
      'Advanced design of GeoCore ground-source systems: heat load and sizing, borehole field design, passive cooling hydraulics and monitoring seasonal performance. For Gold partners.',
    level: 'advanced',
    targetJobRoles: ['engineer'],
    requiredTierKey: 'gold',
    estimatedMinutes: 90,
    issuesCertificate: true,
    productTags: ['GeoCore 10', 'HydroBox', 'SmartFlow'],
    lessons: [
      {
        title: 'Heat load and sizing',
        minimumSeconds: 60,
        bodyMarkdown: `Every GeoCore design starts with a room-by-room **heat load calculation to EN 12831** at the local design outdoor temperature. Rules of thumb based on floor area or the old boiler size routinely oversize ground-source systems by 30 to 50 %, and with a ground source oversizing costs twice: a larger unit and a longer borehole field.

Size the GeoCore 10 to cover the full design heat load at the planned flow temperature (monovalent operation); add the hot water demand only where the heating cannot be interrupted for cylinder charging, for example in larger multi-family buildings. Record the **annual heat demand** in kWh and the expected full-load hours, typically 1,800 to 2,400 h per year in central Europe.

Where the load exceeds 10 kW, use a cascade of GeoCore units under one SmartFlow controller rather than one oversized unit: it gives redundancy and better part-load efficiency.`,
      },
      {
        title: 'Designing the borehole field',
        minimumSeconds: 90,
        videoUrl: 'https://video.nordwind.example/lessons/borehole-field-design',
        bodyMarkdown: `The ground supplies the **evaporator output**, not the full heating output: P_ground = P_heat × (1 - 1/COP). A GeoCore 10 at 10 kW with a COP of 4.5 draws about 7.8 kW from the ground.

Typical specific extraction rates for small systems (VDI 4640, about 1,800 h per year) range from roughly 20 W/m in dry gravel to 50 to 60 W/m in water-bearing sediment or solid rock. At 50 W/m, 7.8 kW needs about 156 m of borehole, for example two boreholes of 80 m each.

## Key rules

- Keep boreholes at least **6 m apart** and away from property boundaries and other fields.
- For fields above about 30 kW, commission a thermal response test and a simulation instead of relying on table values.
- Use monopropylene glycol at 25 to 30 % for frost protection to about -10 to -15 °C, and check the permit requirements of the local water authority before drilling.`,
      },
      {
        title: 'Hydraulics and passive cooling',
        minimumSeconds: 60,
        bodyMarkdown: `With the optional passive cooling module, brine from the boreholes flows through a plate heat exchanger and cools the heating water while the compressor stays off. Underfloor heating and fan coils can then remove 2 to 4 kW of heat on a hot day for the electricity of two circulation pumps.

Control the cooling flow temperature above the **dew point**: SmartFlow calculates it from a room humidity sensor and raises the flow temperature automatically so that no condensation forms on floors or pipes. Fan coils with condensate drains can be supplied with colder water.

Passive cooling also helps the ground: the heat returned in summer partly **regenerates** the borehole field, which keeps winter brine temperatures higher and improves long-term efficiency, particularly for densely spaced fields.`,
      },
      {
        title: 'Commissioning and monitoring performance',
        minimumSeconds: 60,
        bodyMarkdown: `Pressure-test each borehole loop, flush the brine circuit at high velocity with a purge station until no air remains, and check the glycol concentration with a refractometer. Record the values in the SmartFlow commissioning report.

During the first heating season, monitor the brine inlet and outlet temperatures. A spread of about 3 K at full load is normal. Brine inlet temperatures that fall well below 0 °C early in winter indicate an undersized field or high extraction, and are much easier to resolve in the first year.

Use the integrated heat meter and the electricity meter of the unit to calculate the **seasonal performance factor (SPF)**. Sharing the measured SPF with the customer after the first year is one of the strongest references a partner can have.`,
      },
    ],
    quiz: {
      passMarkPercent: 75,
      attemptsAllowed: 3,
      questions: [
        {
          question:
            'A GeoCore 10 delivers 10 kW at a COP of 4. How much heat comes from the ground?',
          explanation: '10 kW × (1 - 1/4) = 7.5 kW; the rest is supplied by the electrical input.',
          options: [
            { label: '2.5 kW', correct: false },
            { label: '7.5 kW', correct: true },
            { label: '10 kW', correct: false },
            { label: '12.5 kW', correct: false },
          ],
        },
        {
          question: 'What is the recommended minimum distance between boreholes in a small field?',
          explanation: 'A spacing of at least 6 m limits thermal interference between boreholes.',
          options: [
            { label: '1 m', correct: false },
            { label: '3 m', correct: false },
            { label: '6 m', correct: true },
          ],
        },
        {
          question: 'Why does SmartFlow monitor the dew point during passive cooling?',
          explanation:
            'Keeping the cooling flow above the dew point prevents condensation on floors and pipework.',
          options: [
            { label: 'To prevent condensation on floors and pipes', correct: true },
            { label: 'To measure the glycol concentration', correct: false },
            { label: 'To switch the compressor on', correct: false },
            { label: 'To calculate the heat load', correct: false },
          ],
        },
        {
          question:
            'When should you commission a thermal response test instead of using table extraction rates?',
          explanation:
            'For larger fields, roughly above 30 kW, table values are too uncertain and a test plus simulation is needed.',
          options: [
            { label: 'For every single-family house', correct: false },
            { label: 'For larger fields, roughly above 30 kW', correct: true },
            { label: 'Only if the customer asks for it', correct: false },
          ],
        },
      ],
    },
  },
]

export const caseStudies: SeedCaseStudy[] = [
  {
    slug: 'lindenhof-school-retrofit',
    title: 'A 1970s school goes fossil-free in one summer holiday',
    customer: 'Mittelschule am Lindenhof, Freising',
    summary:
      "KlimaTech replaced two 1970s gas boilers with a cascade of four AeroTherm 16 units during the six-week summer break, cutting the school's heating CO2 emissions by 68 %.",
    partnerKey: 'klimatech',
    industry: 'education',
    region: 'dach',
    products: ['AeroTherm 16', 'HydroBox', 'SmartFlow'],
    publishedAt: '2026-03-12',
    requiredTierKey: null,
    challengeMarkdown: `The school, built in 1974 and partly refurbished in 2012, was heated by two gas boilers with a combined output of 180 kW. Both were beyond their service life, and the municipality had committed to removing fossil heating from all its schools by 2030.

The building had new windows and roof insulation, but the original cast-iron radiators were designed for 70/55 °C. The installation had to be completed within the six-week summer holiday, with no disruption to lessons.`,
    solutionMarkdown: `KlimaTech carried out a room-by-room heat load calculation, which showed a design load of just 62 kW after the earlier refurbishment. Replacing 14 undersized radiators in the corner classrooms allowed a design flow temperature of 55 °C at -14 °C outdoors.

Four **AeroTherm 16** units in cascade were installed on a steel frame behind the sports hall, well away from classroom windows. Two HydroBox modules and a 1,000 litre buffer handle defrosting and the morning warm-up, and a single **SmartFlow** controller schedules heating around the timetable and holidays.`,
    resultsMarkdown: `After the first full heating season the system achieved a measured seasonal performance factor of 3.6. Heating-related CO2 emissions fell by 68 %, using the municipality's green electricity tariff for the remainder.

The caretaker now manages the system from the SmartFlow app, and KlimaTech receives automatic alerts. The municipality has since commissioned KlimaTech for two further schools.`,
    keyResults: [
      { label: 'CO2 reduction', value: '68 %' },
      { label: 'Measured SPF', value: '3.6' },
      { label: 'Installation time', value: '5 weeks' },
      { label: 'Design heat load', value: '62 kW' },
    ],
  },
  {
    slug: 'hotel-duinzicht-noordwijk',
    title: 'Hot water for 84 rooms with a heat pump cascade',
    customer: 'Hotel Duinzicht, Noordwijk',
    summary:
      'A seaside hotel replaced gas-fired hot water and heating with an AeroTherm cascade supplied by Van der Berg, meeting peak shower demand at 6 a.m. and saving 41 % on energy costs.',
    partnerKey: 'vanderberg',
    industry: 'hospitality',
    region: 'benelux',
    products: ['AeroTherm 16', 'AeroTherm 12', 'HydroBox', 'SmartFlow'],
    publishedAt: '2026-05-20',
    requiredTierKey: 'silver',
    challengeMarkdown: `Hotel Duinzicht has 84 rooms, a restaurant and a small spa. Hot water accounts for more than half of its heat demand, with sharp peaks between 6 and 9 a.m. The gas boilers were oversized and ran inefficiently for most of the year.

The owners wanted to disconnect from gas before a planned renovation, but were worried that a heat pump could not meet the morning peak and that salty sea air would shorten the life of the outdoor units.`,
    solutionMarkdown: `Van der Berg designed a system with three **AeroTherm 16** units and one **AeroTherm 12**, all with the coastal coating option, placed on the roof behind an acoustic screen. Hot water is stored in 3,000 litres of stratified storage at 60 °C, charged overnight and topped up during the day.

**SmartFlow** prioritises hot water before the morning peak and uses the remaining capacity for space heating. An ultrafiltration loop and regular thermal disinfection meet the hotel's legionella plan.`,
    resultsMarkdown: `In the first twelve months the hotel never ran out of hot water, including fully booked summer weekends. Energy costs fell by 41 % compared with the last full year on gas, and the hotel now markets itself as gas-free.

The spa pool is next: Van der Berg is designing a heat recovery extension that reuses waste heat from the pool hall ventilation.`,
    keyResults: [
      { label: 'Energy cost saving', value: '41 %' },
      { label: 'Hot water storage', value: '3,000 l' },
      { label: 'Hot water outages', value: '0' },
    ],
  },
  {
    slug: 'logistics-hub-wroclaw',
    title: 'Ground-source heating and cooling for a logistics hub',
    customer: 'Odra Logistics Park, Wrocław',
    summary:
      'Polterm integrated six GeoCore 10 units with a 14-borehole field to heat and passively cool the offices and dispatch area of a new logistics hub, with a measured SPF of 4.7.',
    partnerKey: 'polterm',
    industry: 'industrial',
    region: 'cee',
    products: ['GeoCore 10', 'HydroBox', 'SmartFlow'],
    publishedAt: '2026-07-08',
    requiredTierKey: null,
    challengeMarkdown: `The developer of a new 24,000 m² logistics hub needed heating for 2,400 m² of offices and a temperature-controlled dispatch area, plus summer cooling for the offices. The tenant's sustainability targets ruled out gas, and the building had to achieve a high green building rating.

The site had limited roof space because of a planned PV installation, and the dispatch area needed a steady 15 °C all year.`,
    solutionMarkdown: `Polterm designed a cascade of six **GeoCore 10** units supplying underfloor heating in the dispatch area and fan coils in the offices. A thermal response test gave a ground conductivity of 2.3 W/(m·K), and the final field has 14 boreholes of 110 m at 7 m spacing under the car park.

Passive cooling through the borehole field cools the offices in summer and regenerates the ground. **SmartFlow** is linked to the building management system by Modbus and uses PV surplus to pre-heat the slab.`,
    resultsMarkdown: `The first year of monitoring showed a seasonal performance factor of 4.7 for heating. Office cooling required only pump electricity, about 3 % of the energy a conventional chiller would have used.

Average brine temperatures at the end of winter were 2 K higher than the simulation predicted, thanks to summer regeneration. The building achieved its targeted green building rating.`,
    keyResults: [
      { label: 'Measured SPF', value: '4.7' },
      { label: 'Borehole field', value: '14 × 110 m' },
      { label: 'Cooling energy vs chiller', value: '-97 %' },
      { label: 'Heating output', value: '60 kW' },
    ],
  },
  {
    slug: 'harrow-court-leeds',
    title: 'Thirty-two flats, one heat pump network',
    customer: 'Harrow Court Housing Co-operative, Leeds',
    summary:
      "A 1960s block of 32 flats replaced individual gas boilers with a shared AeroTherm plant, cutting tenants' heating bills by 29 % and removing gas from the building entirely.",
    partnerKey: null,
    industry: 'residential',
    region: 'uk-ie',
    products: ['AeroTherm 16', 'HydroBox', 'SmartFlow'],
    publishedAt: '2026-09-15',
    requiredTierKey: null,
    challengeMarkdown: `Harrow Court is a four-storey block of 32 flats built in 1964 and insulated with external wall insulation in 2019. Each flat had its own gas combination boiler, many of them more than 15 years old, and the co-operative wanted to remove gas from the building for safety and climate reasons.

Space inside the flats was very limited, and the tenants needed to stay in their homes during the works.`,
    solutionMarkdown: `Nordwind's project engineering team designed a communal system with four **AeroTherm 16** units on the flat roof, a central plant room with two HydroBox modules and a low-temperature heat network at 55 °C. Each flat received a compact heat interface unit with instant hot water and its own heat meter.

Work was completed one stairwell at a time, with each flat disconnected from gas for less than a day. **SmartFlow** controls the plant and provides monthly consumption reports for fair billing.`,
    resultsMarkdown: `In the first winter, average heating and hot water costs per flat fell by 29 % compared with the previous two winters. The plant achieved a seasonal performance factor of 3.3 including network losses.

Gas has been disconnected from the building entirely, removing the annual safety inspection for 32 boilers. Tenant satisfaction with heating rose from 54 % to 88 % in the co-operative's annual survey.`,
    keyResults: [
      { label: 'Tenant bill reduction', value: '29 %' },
      { label: 'Seasonal performance', value: '3.3' },
      { label: 'Gas boilers removed', value: '32' },
      { label: 'Tenant satisfaction', value: '88 %' },
    ],
  },
]

export const events: SeedEvent[] = [
  {
    slug: 'webinar-r290-safety-in-practice',
    title: 'R290 safety in practice',
    summary:
      'Protection zones, leak detection and safe servicing of propane heat pumps, explained with real installation examples.',
    type: 'webinar',
    format: 'online',
    startsInDays: -30,
    startHourUtc: 14,
    durationMinutes: 60,
    timezone: 'Europe/Berlin',
    onlineUrl: 'https://meet.nordwind.example/webinar-r290-safety-in-practice',
    recordingUrl: 'https://video.nordwind.example/recordings/webinar-r290-safety-in-practice',
    capacity: null,
    eligibleTierKeys: [],
    feedbackQuestions: [
      {
        kind: 'choice',
        options: [{ label: 'Too short' }, { label: 'Just right' }, { label: 'Too long' }],
        question: 'Was the webinar the right length?',
        required: true,
      },
      { kind: 'text', question: 'Which topic should a follow-up webinar cover?' },
    ],
    attendanceCode: 'SAFE290',
    speakers: [
      { name: 'Dr. Henrik Lund', role: 'Head of Product Safety', company: 'Nordwind Heat Systems' },
      {
        name: 'Lukas Hoffmann',
        role: 'Senior Heating Engineer',
        company: 'KlimaTech Haustechnik GmbH',
      },
    ],
    descriptionMarkdown: `R290 is becoming the standard refrigerant for monobloc heat pumps. In this webinar we explain how to plan the protection zone around an AeroTherm outdoor unit, what to check on existing buildings, and which tools you need when servicing a propane circuit.

Lukas Hoffmann from KlimaTech shares five real sites and how his team resolved tricky locations near light wells and basement windows.`,
  },
  {
    slug: 'webinar-smartflow-whats-new',
    title: 'SmartFlow: what is new this season',
    summary:
      'Tariff optimisation, PV surplus control and the new installer dashboard in the latest SmartFlow release.',
    type: 'webinar',
    format: 'online',
    startsInDays: -9,
    startHourUtc: 9,
    durationMinutes: 45,
    timezone: 'Europe/Amsterdam',
    onlineUrl: 'https://meet.nordwind.example/webinar-smartflow-whats-new',
    recordingUrl: 'https://video.nordwind.example/recordings/webinar-smartflow-whats-new',
    capacity: null,
    eligibleTierKeys: [],
    attendanceCode: 'FLOW26',
    speakers: [
      { name: 'Maaike Smit', role: 'Product Manager, Controls', company: 'Nordwind Heat Systems' },
    ],
    descriptionMarkdown: `The latest SmartFlow release adds dynamic tariff optimisation, better PV surplus control and an installer dashboard that shows every connected system at a glance, with alerts sorted by urgency.

We walk through the new features live and show how to offer remote monitoring as a paid service to your customers.`,
  },
  {
    slug: 'webinar-winter-readiness',
    title: 'Winter readiness: defrosting, frost protection and cold-day performance',
    summary:
      'Prepare your installed base for the cold months and avoid the most common winter call-outs.',
    type: 'webinar',
    format: 'online',
    startsInDays: 2,
    startHourUtc: 15,
    durationMinutes: 60,
    timezone: 'Europe/Berlin',
    onlineUrl: 'https://meet.nordwind.example/webinar-winter-readiness',
    capacity: null,
    eligibleTierKeys: [],
    attendanceCode: 'FROST',
    speakers: [
      {
        name: 'Jens Petersen',
        role: 'Technical Service Manager',
        company: 'Nordwind Heat Systems',
      },
      { name: 'Emily Clarke', role: 'Heating Engineer', company: 'BrightHeat Home Energy Ltd' },
    ],
    descriptionMarkdown: `Most winter call-outs are caused by a handful of issues: blocked condensate drains, badly placed outdoor sensors, heating curves set too low for the first cold snap and missing minimum system volume for defrosting.

Learn how to spot these remotely in SmartFlow, what to check on a pre-winter service visit, and how to explain normal defrost behaviour to worried homeowners.`,
  },
  {
    slug: 'training-geocore-hands-on-day',
    title: 'GeoCore hands-on training day',
    summary:
      'A full day on ground-source systems: brine circuit filling, purging, commissioning and passive cooling setup on live training rigs.',
    type: 'training',
    format: 'hybrid',
    startsInDays: 12,
    startHourUtc: 8,
    durationMinutes: 420,
    timezone: 'Europe/Berlin',
    onlineUrl: 'https://meet.nordwind.example/training-geocore-hands-on-day',
    venue: { name: 'Nordwind Academy', address: 'Am Windpark 12', city: 'Kassel' },
    capacity: 24,
    eligibleTierKeys: [],
    attendanceCode: 'GEO10',
    speakers: [
      {
        name: 'Jens Petersen',
        role: 'Technical Service Manager',
        company: 'Nordwind Heat Systems',
      },
      {
        name: 'Piotr Wiśniewski',
        role: 'Lead Systems Engineer',
        company: 'Polterm Systemy Grzewcze Sp. z o.o.',
      },
    ],
    descriptionMarkdown: `Spend a day with the GeoCore 10 on our training rigs: fill and purge a brine circuit, check glycol concentration, commission the unit with SmartFlow and set up passive cooling with dew point monitoring.

Places on site are limited to 24 so everyone gets hands-on time; the morning theory sessions are streamed for online participants. Lunch and safety equipment are provided for on-site participants.`,
  },
  {
    slug: 'club-evening-hamburg',
    title: 'Partner Club evening: Silver and Gold',
    summary:
      'An evening with the Nordwind product team, a first look at the 2027 range and the annual Partner Club awards.',
    type: 'club-event',
    format: 'in-person',
    startsInDays: 40,
    startHourUtc: 16,
    durationMinutes: 240,
    timezone: 'Europe/Berlin',
    venue: { name: 'Speicherhaus am Hafen', address: 'Kehrwieder 4', city: 'Hamburg' },
    capacity: 120,
    eligibleTierKeys: ['silver', 'gold'],
    attendanceCode: 'CLUB26',
    speakers: [
      { name: 'Karin Albrecht', role: 'Managing Director', company: 'Nordwind Heat Systems' },
      {
        name: 'Katarzyna Nowak',
        role: 'Managing Director',
        company: 'Polterm Systemy Grzewcze Sp. z o.o.',
      },
    ],
    descriptionMarkdown: `Our thank-you evening for Silver and Gold members. Meet the Nordwind product and engineering teams, get a first look at the 2027 range and exchange experiences with partners from across Europe.

The evening includes the annual Partner Club awards for the best project, the best newcomer and the highest measured seasonal performance, followed by dinner overlooking the harbour.`,
  },
]
