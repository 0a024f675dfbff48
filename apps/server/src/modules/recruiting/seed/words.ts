/**
 * Word lists for the Splits Network demo data: people's names by region, places, the demo
 * companies, job titles, skills and the sentences that descriptions and reasons are made of.
 * Every company, person and address here is fictional; e-mail domains end in `.demo` (like the
 * demo personas') and phone numbers are from ranges set aside for fiction where one exists.
 */
import type { FUNCTIONS, INDUSTRIES, PAYMENT_TERMS } from '../reference/vocabularies.ts'

/** Comma- or line-separated words, trimmed. */
const list = (s: string): readonly string[] =>
  s
    .split(/[,\n]/)
    .map((w) => w.trim())
    .filter(Boolean)

export type Fn = (typeof FUNCTIONS)[number]
export type Industry = (typeof INDUSTRIES)[number]
export type PaymentTerms = (typeof PAYMENT_TERMS)[number]

// ---------------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------------

export interface NamePool {
  first: readonly string[]
  last: readonly string[]
}

const US: NamePool = {
  first: list(`
    James, Emily, Michael, Olivia, David, Sophia, Daniel, Ava, Matthew, Madison, Andrew, Abigail,
    Joshua, Chloe, Ryan, Grace, Tyler, Hannah, Brandon, Natalie, Kevin, Lauren, Justin, Megan,
    Jordan, Taylor, Marcus, Jasmine, Andre, Keisha, Carlos, Sofia, Diego, Isabella, Luis, Camila,
    Miguel, Valentina, Jason, Michelle, Jennifer, Brian, Amanda, Eric, Rachel, Steven, Nicole,
    Aaron, Kayla, Wei, Mei, Jun, Priya, Arjun, Anika, Raj, Neha, Min-jun, Ji-woo, Ethan, Zoe, Caleb,
    Lily, Nathan, Audrey, Connor, Brooke, Austin, Paige
  `),
  last: list(`
    Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, Thomas, Moore,
    Jackson, Martin, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, Allen, King,
    Wright, Scott, Hill, Green, Adams, Baker, Nelson, Carter, Mitchell, Roberts, Turner, Phillips,
    Campbell, Parker, Evans, Edwards, Garcia, Rodriguez, Martinez, Hernandez, Lopez, Gonzalez, Perez,
    Sanchez, Ramirez, Torres, Nguyen, Chen, Wang, Kim, Park, Lee, Patel, Shah, Gupta, Tanaka, Brooks,
    Sullivan, Reed, Foster, Hayes, Bennett, Coleman, Jenkins, Russell, Griffin
  `),
}

const UK: NamePool = {
  first: list(`
    Oliver, Amelia, George, Isla, Harry, Poppy, Jack, Freya, Charlie, Evie, Thomas, Imogen, William,
    Florence, Alfie, Harriet, Oscar, Eleanor, Archie, Rosie, Callum, Niamh, Rhys, Ffion, Hamish,
    Morag, Aidan, Siobhan, Samir, Aisha, Ravi, Sunita, Kwame, Adaeze, Tom, Lucy, Ben, Holly, Sam,
    Katie
  `),
  last: list(`
    Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright, Thompson,
    Evans, Walker, White, Roberts, Green, Hall, Wood, Jackson, Clarke, Hughes, Edwards, Turner, Hill,
    Cooper, Ward, Morris, Harrison, Collins, Fletcher, MacDonald, Campbell, Stewart, Murray, Reid,
    Khan, Ahmed, Begum, Okafor, Mensah, Patel, Singh, Ellis, Pearson, Barnes, Lloyd, Holmes,
    Marshall, Bell, Chapman
  `),
}

const IL_HEBREW: NamePool = {
  first: list(`
    Noa, Yael, Tamar, Maya, Shira, Michal, Roni, Adi, Gal, Hila, Keren, Inbal, Einav, Sivan, Rotem,
    Tal, Liat, Meital, Orly, Shani, Omer, Itai, Yonatan, Daniel, Amit, Lior, Eitan, Ido, Nadav,
    Yuval, Oren, Avi, Guy, Asaf, Ran, Erez, Uri, Nimrod, Yoav, Matan, Ariel, Noam, Ofir, Shai, Alon,
    Boaz, Gilad, Roee, Tomer, Elad
  `),
  last: list(`
    Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Avraham, Friedman, Shapiro, Katz, Azoulay, Ohana,
    Malka, Golan, Baruch, Rosenberg, Segal, Weiss, Adler, Goldstein, Amar, Sasson, Barak, Shalev,
    Ashkenazi, Carmi, Yosef, Gabay, Harel, Kaplan, Klein, Mor, Navon, Ofer, Raz, Sharon, Stern,
    Zohar, Ben-Ami, Ben-Haim, Tzur, Avidan, Lavi, Elbaz, Hazan, Regev, Almog, Bar-On, Shemesh, Tal
  `),
}

const IL_RUSSIAN: NamePool = {
  first: list(`
    Dmitry, Anna, Yulia, Alex, Olga, Sergei, Katya, Igor, Natalia, Boris, Vera, Leonid
  `),
  last: list(`
    Kogan, Portnoy, Abramov, Volkov, Gurevich, Rabinovich, Zilberman, Feldman, Lerner, Berman
  `),
}

const IL_ARAB: NamePool = {
  first: list(`
    Ahmad, Rami, Lina, Nour, Samir, Rana, Karim, Yara, Majd, Reem, Fadi, Hiba
  `),
  last: list(`
    Haddad, Khoury, Nassar, Mansour, Saleh, Habib, Zoabi, Jabareen, Azar, Shehadeh
  `),
}

const DE: NamePool = {
  first: list(`
    Lukas, Anna, Felix, Lena, Jonas, Laura, Maximilian, Sophie, Leon, Marie, Paul, Hannah, Tobias,
    Katharina
  `),
  last: list(`
    Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Hoffmann, Schulz, Koch,
    Richter, Wolf, Neumann
  `),
}

const NL: NamePool = {
  first: list(`
    Daan, Emma, Sem, Julia, Lars, Sanne, Bram, Fleur, Thijs, Anouk, Ruben, Lotte
  `),
  last: list(`
    de Jong, Jansen, de Vries, van den Berg, Bakker, Visser, Smit, Meijer, de Boer, Mulder, Bos, Vos
  `),
}

const FR: NamePool = {
  first: list(`
    Louis, Camille, Hugo, Manon, Lucas, Chloé, Théo, Léa, Antoine, Inès, Julien, Clara
  `),
  last: list(`
    Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Laurent, Girard
  `),
}

const IBERIA: NamePool = {
  first: list(`
    Pablo, Lucía, Javier, Carmen, Alejandro, Marta, João, Beatriz, Tiago, Inês, Sergio, Elena
  `),
  last: list(`
    García, Fernández, López, Martín, Sánchez, Romero, Silva, Santos, Ferreira, Costa, Navarro,
    Oliveira
  `),
}

const PL: NamePool = {
  first: list(`
    Jakub, Zuzanna, Kacper, Julia, Mateusz, Maja, Piotr, Aleksandra, Tomasz, Magdalena
  `),
  last: list(`
    Nowak, Kowalski, Wiśniewski, Wójcik, Kamiński, Lewandowski, Zieliński, Szymański, Woźniak,
    Dąbrowski
  `),
}

const IN: NamePool = {
  first: list(`
    Aarav, Ananya, Vihaan, Diya, Rohan, Ishita, Karthik, Pooja, Siddharth, Kavya, Aditya, Meera
  `),
  last: list(`
    Sharma, Verma, Iyer, Reddy, Nair, Menon, Kulkarni, Joshi, Rao, Banerjee, Mehta, Agarwal
  `),
}

// ---------------------------------------------------------------------------------------------
// Places
// ---------------------------------------------------------------------------------------------

export interface City {
  city: string
  /** As shown on profiles and roles, e.g. "Austin, TX" or "Tel Aviv, Israel". */
  label: string
  /** Pay relative to the country's reference city. */
  pay: number
}

export interface Country {
  code: string
  currency: string
  /** Local pay in local currency per US dollar of a US reference salary. */
  payFactor: number
  cities: readonly City[]
  names: readonly (readonly [NamePool, number])[]
  /** Fictional phone numbers: returns a number as people type it. */
  phone: (n: number) => string
}

const c = (city: string, label: string, pay: number): City => ({ city, label, pay })

export const COUNTRIES: Record<string, Country> = {
  US: {
    code: 'US',
    currency: 'USD',
    payFactor: 1,
    cities: [
      c('San Francisco', 'San Francisco, CA', 1.22),
      c('New York', 'New York, NY', 1.18),
      c('Boston', 'Boston, MA', 1.1),
      c('Seattle', 'Seattle, WA', 1.14),
      c('Austin', 'Austin, TX', 0.98),
      c('Chicago', 'Chicago, IL', 0.98),
      c('Denver', 'Denver, CO', 0.97),
      c('Atlanta', 'Atlanta, GA', 0.93),
      c('Los Angeles', 'Los Angeles, CA', 1.1),
      c('Dallas', 'Dallas, TX', 0.95),
      c('Miami', 'Miami, FL', 0.94),
      c('Raleigh', 'Raleigh, NC', 0.91),
    ],
    names: [[US, 1]],
    // 555-0100 to 555-0199 is reserved for fiction in every North American area code
    phone: (n) => {
      const areas = [
        '212',
        '415',
        '617',
        '206',
        '512',
        '312',
        '303',
        '404',
        '310',
        '214',
        '305',
        '919',
        '646',
        '628',
      ]
      return `(${areas[Math.floor(n / 100) % areas.length]}) 555-01${String(n % 100).padStart(2, '0')}`
    },
  },
  GB: {
    code: 'GB',
    currency: 'GBP',
    payFactor: 0.58,
    cities: [
      c('London', 'London, UK', 1),
      c('Manchester', 'Manchester, UK', 0.84),
      c('Cambridge', 'Cambridge, UK', 0.93),
      c('Edinburgh', 'Edinburgh, UK', 0.85),
      c('Bristol', 'Bristol, UK', 0.86),
    ],
    names: [[UK, 1]],
    // Ofcom's drama ranges: 020 7946 0xxx, 0161 496 0xxx, 0131 496 0xxx, 0117 496 0xxx, 0121 496 0xxx…
    phone: (n) => {
      const ranges = [
        '020 7946 0',
        '0161 496 0',
        '0131 496 0',
        '0117 496 0',
        '0121 496 0',
        '0113 496 0',
        '0141 496 0',
      ]
      return `${ranges[Math.floor(n / 1000) % ranges.length]}${String(n % 1000).padStart(3, '0')}`
    },
  },
  IL: {
    code: 'IL',
    currency: 'ILS',
    payFactor: 2.35,
    cities: [
      c('Tel Aviv', 'Tel Aviv, Israel', 1),
      c('Herzliya', 'Herzliya, Israel', 1),
      c('Haifa', 'Haifa, Israel', 0.9),
      c('Jerusalem', 'Jerusalem, Israel', 0.9),
      c('Petah Tikva', 'Petah Tikva, Israel', 0.95),
      c('Rehovot', 'Rehovot, Israel', 0.92),
      c("Be'er Sheva", "Be'er Sheva, Israel", 0.85),
    ],
    names: [
      [IL_HEBREW, 0.78],
      [IL_RUSSIAN, 0.12],
      [IL_ARAB, 0.1],
    ],
    phone: (n) => {
      const prefixes = ['050', '052', '053', '054']
      const rest = String(2_000_000 + ((n * 7_919) % 7_000_000)).padStart(7, '0')
      return `${prefixes[n % prefixes.length]}-${rest.slice(0, 3)}-${rest.slice(3)}`
    },
  },
  DE: {
    code: 'DE',
    currency: 'EUR',
    payFactor: 0.66,
    cities: [
      c('Berlin', 'Berlin, Germany', 1),
      c('Munich', 'Munich, Germany', 1.08),
      c('Hamburg', 'Hamburg, Germany', 0.98),
    ],
    names: [[DE, 1]],
    phone: (n) => `+49 30 ${20_000_000 + ((n * 4_391) % 70_000_000)}`,
  },
  NL: {
    code: 'NL',
    currency: 'EUR',
    payFactor: 0.64,
    cities: [
      c('Amsterdam', 'Amsterdam, Netherlands', 1),
      c('Rotterdam', 'Rotterdam, Netherlands', 0.94),
      c('Utrecht', 'Utrecht, Netherlands', 0.95),
    ],
    names: [[NL, 1]],
    phone: (n) => `+31 20 ${String(1_000_000 + ((n * 3_571) % 8_000_000)).padStart(7, '0')}`,
  },
  FR: {
    code: 'FR',
    currency: 'EUR',
    payFactor: 0.58,
    cities: [c('Paris', 'Paris, France', 1), c('Lyon', 'Lyon, France', 0.88)],
    names: [[FR, 1]],
    phone: (n) => `+33 1 ${String(40_000_000 + ((n * 6_007) % 50_000_000)).padStart(8, '0')}`,
  },
  ES: {
    code: 'ES',
    currency: 'EUR',
    payFactor: 0.46,
    cities: [c('Barcelona', 'Barcelona, Spain', 1), c('Madrid', 'Madrid, Spain', 1)],
    names: [[IBERIA, 1]],
    phone: (n) => `+34 91 ${String(2_000_000 + ((n * 2_689) % 7_000_000)).padStart(7, '0')}`,
  },
  PT: {
    code: 'PT',
    currency: 'EUR',
    payFactor: 0.4,
    cities: [c('Lisbon', 'Lisbon, Portugal', 1), c('Porto', 'Porto, Portugal', 0.9)],
    names: [[IBERIA, 1]],
    phone: (n) => `+351 21 ${String(1_000_000 + ((n * 1_873) % 8_000_000)).padStart(7, '0')}`,
  },
  PL: {
    code: 'PL',
    currency: 'PLN',
    payFactor: 1.55,
    cities: [c('Warsaw', 'Warsaw, Poland', 1), c('Kraków', 'Kraków, Poland', 0.93)],
    names: [[PL, 1]],
    phone: (n) => `+48 22 ${String(2_000_000 + ((n * 5_113) % 7_000_000)).padStart(7, '0')}`,
  },
  CA: {
    code: 'CA',
    currency: 'CAD',
    payFactor: 1.05,
    cities: [
      c('Toronto', 'Toronto, Canada', 1),
      c('Vancouver', 'Vancouver, Canada', 1.02),
      c('Montreal', 'Montreal, Canada', 0.92),
    ],
    names: [
      [US, 0.8],
      [FR, 0.2],
    ],
    phone: (n) =>
      `(${['416', '604', '514'][Math.floor(n / 100) % 3]}) 555-01${String(n % 100).padStart(2, '0')}`,
  },
  IN: {
    code: 'IN',
    currency: 'INR',
    payFactor: 22,
    cities: [
      c('Bengaluru', 'Bengaluru, India', 1),
      c('Pune', 'Pune, India', 0.9),
      c('Hyderabad', 'Hyderabad, India', 0.95),
    ],
    names: [[IN, 1]],
    phone: (n) => `+91 98${String(10_000_000 + ((n * 7_331) % 89_000_000)).padStart(8, '0')}`,
  },
}

/** Where candidates live: US, UK and Israel heavy, with a European and wider tail. */
export const CANDIDATE_COUNTRIES: readonly (readonly [string, number])[] = [
  ['US', 38],
  ['GB', 17],
  ['IL', 22],
  ['DE', 5],
  ['NL', 3],
  ['FR', 2],
  ['ES', 2],
  ['PT', 2],
  ['PL', 2],
  ['CA', 4],
  ['IN', 3],
]

// ---------------------------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------------------------

export interface CompanySpec {
  slug: string
  name: string
  /** The part before `.demo` in the team's e-mail addresses. */
  domain: string
  industry: Industry
  sizeBand: '1-10' | '11-50' | '51-200' | '201-1000' | '1001-5000' | '5000+'
  headquarters: string
  description: string
  paymentTerms: PaymentTerms
  currency: string
  /** Where its roles are: [country, city label] pairs; 'remote' roles take the first country. */
  offices: readonly (readonly [string, string])[]
  /** Functions it hires most for. */
  focus: readonly Fn[]
  billingAddress: string
  taxId: string
}

export const COMPANIES: readonly CompanySpec[] = [
  {
    slug: 'acme-robotics',
    name: 'Acme Robotics',
    domain: 'acme',
    industry: 'ai',
    sizeBand: '201-1000',
    headquarters: 'Tel Aviv, Israel',
    description:
      'Acme Robotics builds autonomous mobile robots for warehouses and hospitals. Our fleet software plans routes for thousands of robots at once, and our hardware team designs the sensors and drive units in-house.',
    paymentTerms: 'net_30',
    currency: 'USD',
    offices: [
      ['IL', 'Tel Aviv, Israel'],
      ['US', 'Boston, MA'],
      ['IL', 'Haifa, Israel'],
    ],
    focus: ['engineering', 'engineering', 'data', 'product', 'operations'],
    billingAddress: '12 HaBarzel St, Tel Aviv 6971005, Israel',
    taxId: 'IL 515823946',
  },
  {
    slug: 'northwind-health',
    name: 'Northwind Health',
    domain: 'northwindhealth',
    industry: 'healthcare',
    sizeBand: '1001-5000',
    headquarters: 'Boston, MA',
    description:
      'Northwind Health runs virtual primary care for employers across 40 states: same-day video visits, care coordination and a pharmacy benefit that members actually understand.',
    paymentTerms: 'net_60',
    currency: 'USD',
    offices: [
      ['US', 'Boston, MA'],
      ['US', 'Chicago, IL'],
    ],
    focus: ['engineering', 'customer_success', 'operations', 'data', 'legal'],
    billingAddress: '200 Clarendon St, Floor 21, Boston, MA 02116, USA',
    taxId: 'EIN 84-3927561',
  },
  {
    slug: 'ledgerly',
    name: 'Ledgerly',
    domain: 'ledgerly',
    industry: 'fintech',
    sizeBand: '51-200',
    headquarters: 'New York, NY',
    description:
      'Ledgerly automates month-end close for mid-market finance teams: bank reconciliations, accruals and audit trails in one place, connected to the ERP they already run.',
    paymentTerms: 'net_30',
    currency: 'USD',
    offices: [
      ['US', 'New York, NY'],
      ['US', 'Austin, TX'],
    ],
    focus: ['engineering', 'sales', 'finance', 'product'],
    billingAddress: '85 Broad St, 17th Floor, New York, NY 10004, USA',
    taxId: 'EIN 87-1045528',
  },
  {
    slug: 'brightpath-learning',
    name: 'Brightpath Learning',
    domain: 'brightpath',
    industry: 'edtech',
    sizeBand: '201-1000',
    headquarters: 'Austin, TX',
    description:
      'Brightpath Learning makes adaptive maths and reading programmes used by 3 million students in K-8 classrooms, with dashboards that show teachers who needs help today.',
    paymentTerms: 'net_60',
    currency: 'USD',
    offices: [
      ['US', 'Austin, TX'],
      ['US', 'Denver, CO'],
    ],
    focus: ['engineering', 'design', 'customer_success', 'marketing'],
    billingAddress: '500 W 2nd St, Suite 1900, Austin, TX 78701, USA',
    taxId: 'EIN 82-5519037',
  },
  {
    slug: 'cobalt-security',
    name: 'Cobalt Security',
    domain: 'cobaltsec',
    industry: 'cybersecurity',
    sizeBand: '201-1000',
    headquarters: 'Herzliya, Israel',
    description:
      'Cobalt Security finds exposed cloud identities before attackers do. Our agentless platform maps every human and machine identity across AWS, Azure and GCP and ranks what to fix first.',
    paymentTerms: 'net_30',
    currency: 'USD',
    offices: [
      ['IL', 'Herzliya, Israel'],
      ['US', 'New York, NY'],
    ],
    focus: ['engineering', 'engineering', 'sales', 'product'],
    billingAddress: '8 Abba Eban Blvd, Herzliya 4672526, Israel',
    taxId: 'IL 516042377',
  },
  {
    slug: 'tidewater-logistics',
    name: 'Tidewater Logistics',
    domain: 'tidewater',
    industry: 'logistics',
    sizeBand: '1001-5000',
    headquarters: 'Rotterdam, Netherlands',
    description:
      'Tidewater Logistics moves containers from port to warehouse across Northern Europe, and its software team builds the planning tools that keep 900 trucks full.',
    paymentTerms: 'net_90',
    currency: 'EUR',
    offices: [
      ['NL', 'Rotterdam, Netherlands'],
      ['DE', 'Hamburg, Germany'],
    ],
    focus: ['operations', 'engineering', 'data', 'finance'],
    billingAddress: 'Wilhelminakade 91, 3072 AP Rotterdam, Netherlands',
    taxId: 'NL 8612.45.903.B01',
  },
  {
    slug: 'verdant-energy',
    name: 'Verdant Energy',
    domain: 'verdantenergy',
    industry: 'climate',
    sizeBand: '51-200',
    headquarters: 'London, UK',
    description:
      'Verdant Energy pools home batteries and heat pumps into a virtual power plant that trades flexibility with the grid, paying households for the energy they shift.',
    paymentTerms: 'net_30',
    currency: 'GBP',
    offices: [
      ['GB', 'London, UK'],
      ['GB', 'Bristol, UK'],
    ],
    focus: ['engineering', 'data', 'operations', 'marketing'],
    billingAddress: '1 Canal Reach, London N1C 4BE, United Kingdom',
    taxId: 'GB 318 4472 06',
  },
  {
    slug: 'lumen-forge-games',
    name: 'Lumen Forge Games',
    domain: 'lumenforge',
    industry: 'gaming',
    sizeBand: '51-200',
    headquarters: 'Seattle, WA',
    description:
      'Lumen Forge Games is an independent studio making co-op adventure games for PC and consoles. Our last title reached 4 million players; the next one is in full production.',
    paymentTerms: 'net_30',
    currency: 'USD',
    offices: [
      ['US', 'Seattle, WA'],
      ['US', 'Los Angeles, CA'],
    ],
    focus: ['engineering', 'design', 'marketing', 'product'],
    billingAddress: '1201 Western Ave, Suite 400, Seattle, WA 98101, USA',
    taxId: 'EIN 91-2274860',
  },
  {
    slug: 'quanta-bio',
    name: 'Quanta Bio',
    domain: 'quantabio',
    industry: 'biotech',
    sizeBand: '11-50',
    headquarters: 'Rehovot, Israel',
    description:
      'Quanta Bio designs enzymes with machine learning for greener industrial chemistry, from lab automation to pilot-scale fermentation.',
    paymentTerms: 'net_30',
    currency: 'ILS',
    offices: [
      ['IL', 'Rehovot, Israel'],
      ['US', 'Boston, MA'],
    ],
    focus: ['data', 'engineering', 'operations'],
    billingAddress: '2 Bergmann St, Science Park, Rehovot 7670504, Israel',
    taxId: 'IL 516719204',
  },
  {
    slug: 'shoplane',
    name: 'Shoplane',
    domain: 'shoplane',
    industry: 'ecommerce',
    sizeBand: '201-1000',
    headquarters: 'London, UK',
    description:
      'Shoplane gives independent fashion and home brands a storefront, checkout and same-day delivery network that competes with the marketplaces, without giving up their customers.',
    paymentTerms: 'net_60',
    currency: 'GBP',
    offices: [
      ['GB', 'London, UK'],
      ['GB', 'Manchester, UK'],
    ],
    focus: ['engineering', 'marketing', 'product', 'customer_success', 'design'],
    billingAddress: '40 Commercial St, London E1 6LP, United Kingdom',
    taxId: 'GB 277 9061 45',
  },
  {
    slug: 'fernway-media',
    name: 'Fernway Media',
    domain: 'fernway',
    industry: 'media',
    sizeBand: '201-1000',
    headquarters: 'Los Angeles, CA',
    description:
      'Fernway Media publishes podcasts and newsletters for 12 million subscribers and sells the advertising around them through its own programmatic platform.',
    paymentTerms: 'net_60',
    currency: 'USD',
    offices: [
      ['US', 'Los Angeles, CA'],
      ['US', 'New York, NY'],
    ],
    focus: ['marketing', 'sales', 'engineering', 'data'],
    billingAddress: '6060 Center Dr, 10th Floor, Los Angeles, CA 90045, USA',
    taxId: 'EIN 95-4478120',
  },
  {
    slug: 'helix-analytics',
    name: 'Helix Analytics',
    domain: 'helixanalytics',
    industry: 'ai',
    sizeBand: '51-200',
    headquarters: 'San Francisco, CA',
    description:
      'Helix Analytics turns messy operational data into forecasts that supply-chain planners trust, with models they can inspect and override.',
    paymentTerms: 'net_30',
    currency: 'USD',
    offices: [
      ['US', 'San Francisco, CA'],
      ['US', 'Seattle, WA'],
    ],
    focus: ['data', 'engineering', 'engineering', 'product', 'sales'],
    billingAddress: '535 Mission St, 14th Floor, San Francisco, CA 94105, USA',
    taxId: 'EIN 88-3016754',
  },
  {
    slug: 'orbit-payments',
    name: 'Orbit Payments',
    domain: 'orbitpay',
    industry: 'fintech',
    sizeBand: '201-1000',
    headquarters: 'London, UK',
    description:
      'Orbit Payments is an FCA-authorised payment institution that lets marketplaces pay out to sellers in 60 countries, with compliance checks built in.',
    paymentTerms: 'net_30',
    currency: 'GBP',
    offices: [
      ['GB', 'London, UK'],
      ['GB', 'Edinburgh, UK'],
      ['PL', 'Warsaw, Poland'],
    ],
    focus: ['engineering', 'legal', 'finance', 'operations', 'sales'],
    billingAddress: '25 Old Broad St, London EC2N 1HN, United Kingdom',
    taxId: 'GB 402 1184 73',
  },
  {
    slug: 'kestrel-cloud',
    name: 'Kestrel Cloud',
    domain: 'kestrelcloud',
    industry: 'saas',
    sizeBand: '201-1000',
    headquarters: 'Denver, CO',
    description:
      'Kestrel Cloud is a developer platform for running background jobs and scheduled workflows, used by 20,000 engineering teams that would rather not babysit queues.',
    paymentTerms: 'net_30',
    currency: 'USD',
    offices: [
      ['US', 'Denver, CO'],
      ['US', 'San Francisco, CA'],
    ],
    focus: ['engineering', 'engineering', 'customer_success', 'sales', 'marketing'],
    billingAddress: '1801 Wewatta St, Suite 600, Denver, CO 80202, USA',
    taxId: 'EIN 84-2290316',
  },
  {
    slug: 'meridian-care',
    name: 'Meridian Care',
    domain: 'meridiancare',
    industry: 'healthcare',
    sizeBand: '5000+',
    headquarters: 'Chicago, IL',
    description:
      'Meridian Care operates 120 outpatient clinics across the Midwest and is rebuilding its patient scheduling and billing systems in-house.',
    paymentTerms: 'net_90',
    currency: 'USD',
    offices: [
      ['US', 'Chicago, IL'],
      ['US', 'Dallas, TX'],
    ],
    focus: ['operations', 'engineering', 'finance', 'people', 'legal'],
    billingAddress: '233 S Wacker Dr, Suite 5200, Chicago, IL 60606, USA',
    taxId: 'EIN 36-4471902',
  },
  {
    slug: 'sundial-hr',
    name: 'Sundial HR',
    domain: 'sundialhr',
    industry: 'saas',
    sizeBand: '51-200',
    headquarters: 'Amsterdam, Netherlands',
    description:
      'Sundial HR is payroll and time-off software for European companies with people in several countries, handling each country’s rules so that HR teams do not have to.',
    paymentTerms: 'net_30',
    currency: 'EUR',
    offices: [
      ['NL', 'Amsterdam, Netherlands'],
      ['ES', 'Barcelona, Spain'],
    ],
    focus: ['engineering', 'product', 'customer_success', 'people'],
    billingAddress: 'Keizersgracht 520, 1017 EK Amsterdam, Netherlands',
    taxId: 'NL 8573.12.664.B01',
  },
  {
    slug: 'nordlicht-data',
    name: 'Nordlicht Data',
    domain: 'nordlicht',
    industry: 'ai',
    sizeBand: '11-50',
    headquarters: 'Berlin, Germany',
    description:
      'Nordlicht Data builds retrieval and document-understanding models for insurers and banks that must keep every byte of customer data inside the EU.',
    paymentTerms: 'net_30',
    currency: 'EUR',
    offices: [
      ['DE', 'Berlin, Germany'],
      ['DE', 'Munich, Germany'],
    ],
    focus: ['data', 'engineering', 'sales'],
    billingAddress: 'Torstraße 140, 10119 Berlin, Germany',
    taxId: 'DE 328 441 907',
  },
  {
    slug: 'atlas-freight',
    name: 'Atlas Freight',
    domain: 'atlasfreight',
    industry: 'logistics',
    sizeBand: '1001-5000',
    headquarters: 'Dallas, TX',
    description:
      'Atlas Freight is a digital freight brokerage matching 30,000 carriers with shippers across North America, with instant pricing and quick pay for drivers.',
    paymentTerms: 'net_60',
    currency: 'USD',
    offices: [
      ['US', 'Dallas, TX'],
      ['US', 'Atlanta, GA'],
    ],
    focus: ['sales', 'operations', 'engineering', 'customer_success'],
    billingAddress: '2323 Ross Ave, Suite 1400, Dallas, TX 75201, USA',
    taxId: 'EIN 75-3318845',
  },
  {
    slug: 'silverleaf-insurance',
    name: 'Silverleaf Insurance',
    domain: 'silverleaf',
    industry: 'fintech',
    sizeBand: '201-1000',
    headquarters: 'Atlanta, GA',
    description:
      'Silverleaf Insurance sells renters and small-business insurance online, prices it with its own models and pays most claims within a day.',
    paymentTerms: 'net_60',
    currency: 'USD',
    offices: [
      ['US', 'Atlanta, GA'],
      ['US', 'Raleigh, NC'],
    ],
    focus: ['data', 'engineering', 'legal', 'customer_success', 'finance'],
    billingAddress: '1075 Peachtree St NE, Suite 2200, Atlanta, GA 30309, USA',
    taxId: 'EIN 58-2670413',
  },
  {
    slug: 'trellis-commerce',
    name: 'Trellis Commerce',
    domain: 'trellis',
    industry: 'ecommerce',
    sizeBand: '51-200',
    headquarters: 'Tel Aviv, Israel',
    description:
      'Trellis Commerce helps online retailers win back abandoned carts with personalised offers, and is growing fast in the US and Europe.',
    paymentTerms: 'net_30',
    currency: 'ILS',
    offices: [
      ['IL', 'Tel Aviv, Israel'],
      ['US', 'New York, NY'],
    ],
    focus: ['engineering', 'marketing', 'sales', 'product', 'data'],
    billingAddress: '23 Menachem Begin Rd, Tel Aviv 6618356, Israel',
    taxId: 'IL 515990421',
  },
]

export const AGENCIES = [
  { slug: 'northstar-search', name: 'Northstar Search', domain: 'northstarsearch' },
] as const

// ---------------------------------------------------------------------------------------------
// Titles, pay and skills by function
// ---------------------------------------------------------------------------------------------

export interface FunctionSpec {
  /** Individual-contributor titles (junior/mid/senior take a prefix). */
  titles: readonly string[]
  intern: readonly string[]
  lead: readonly string[]
  executive: readonly string[]
  /** Reference base salary (mid level, US dollars, a typical US city). */
  base: number
  skills: readonly string[]
  duties: readonly string[]
  /** Preferred industries' extra skills are not modelled; skills are per function. */
}

export const FUNCTION_SPECS: Record<Fn, FunctionSpec> = {
  engineering: {
    titles: [
      'Software Engineer',
      'Backend Engineer',
      'Frontend Engineer',
      'Full-Stack Engineer',
      'Site Reliability Engineer',
      'iOS Engineer',
      'Android Engineer',
      'Platform Engineer',
      'Embedded Software Engineer',
      'DevOps Engineer',
      'QA Automation Engineer',
      'Machine Learning Engineer',
      'Security Engineer',
      'Data Platform Engineer',
    ],
    intern: ['Software Engineering Intern'],
    lead: ['Staff Software Engineer', 'Engineering Manager', 'Tech Lead', 'Principal Engineer'],
    executive: ['VP Engineering', 'Head of Engineering', 'CTO'],
    base: 145_000,
    skills: list(`
      TypeScript, Node.js, React, Go, Python, Java, Kotlin, Swift, Rust, C++, PostgreSQL, Redis, Kafka,
      AWS, GCP, Kubernetes, Terraform, Docker, GraphQL, gRPC, Distributed systems, Microservices,
      CI/CD, Linux, ROS, Embedded C, PyTorch, Next.js
  `),
    duties: [
      'Design, build and run services that handle millions of requests a day',
      'Own features end to end, from the design document to production monitoring',
      'Review code and help set the bar for testing and reliability',
      'Work with product and design to shape what we build and why',
      'Improve our build, deploy and observability tooling',
      'Take part in a fair on-call rotation (one week in six)',
      'Mentor engineers earlier in their careers',
      'Break down ambiguous problems into shippable increments',
    ],
  },
  product: {
    titles: ['Product Manager', 'Technical Product Manager', 'Product Owner', 'Growth Product Manager'],
    intern: ['Product Management Intern'],
    lead: ['Group Product Manager', 'Principal Product Manager', 'Director of Product'],
    executive: ['VP Product', 'Head of Product', 'Chief Product Officer'],
    base: 145_000,
    skills: list(`
      Product discovery, Roadmapping, A/B testing, SQL, User research, Jira, Amplitude, Pricing,
      B2B SaaS, API products, Stakeholder management, OKRs, Figma
  `),
    duties: [
      'Own the roadmap for one product area and the outcomes it should move',
      'Talk to customers every week and turn what you learn into clear problem statements',
      'Write crisp specs and make trade-offs with engineering and design',
      'Define success metrics and read the data after every launch',
      'Work with sales and customer success on launches and feedback loops',
    ],
  },
  design: {
    titles: ['Product Designer', 'UX Designer', 'UX Researcher', 'Visual Designer', 'Content Designer'],
    intern: ['Product Design Intern'],
    lead: ['Design Lead', 'Principal Product Designer', 'Design Manager'],
    executive: ['Head of Design', 'VP Design'],
    base: 125_000,
    skills: list(`
      Figma, Prototyping, Design systems, User research, Usability testing, Interaction design,
      Accessibility, Information architecture, Illustration, Motion design, UX writing
  `),
    duties: [
      'Design flows from first sketch to pixel-perfect handoff',
      'Run usability tests and turn findings into better designs',
      'Contribute to and extend our design system',
      'Partner closely with product managers and engineers in small squads',
      'Make accessibility a default, not an afterthought',
    ],
  },
  data: {
    titles: [
      'Data Analyst',
      'Data Scientist',
      'Data Engineer',
      'Analytics Engineer',
      'BI Developer',
      'Applied Scientist',
    ],
    intern: ['Data Science Intern'],
    lead: ['Lead Data Scientist', 'Data Engineering Manager', 'Staff Data Scientist'],
    executive: ['Head of Data', 'VP Data & Analytics', 'Chief Data Officer'],
    base: 140_000,
    skills: list(`
      Python, SQL, dbt, Airflow, Spark, Snowflake, BigQuery, Pandas, scikit-learn, PyTorch, Statistics,
      Experimentation, Looker, Tableau, Forecasting, NLP, LLMs, MLOps
  `),
    duties: [
      'Build the models and pipelines behind our core product decisions',
      'Own data quality for a domain, from ingestion to dashboards',
      'Design experiments and explain their results to non-specialists',
      'Ship machine-learning models to production and keep them healthy',
      'Partner with product and finance on forecasting and planning',
    ],
  },
  sales: {
    titles: [
      'Account Executive',
      'Enterprise Account Executive',
      'Sales Development Representative',
      'Solutions Engineer',
      'Partnerships Manager',
      'Account Manager',
    ],
    intern: ['Sales Intern'],
    lead: ['Sales Manager', 'Regional Sales Director', 'Head of Sales Development'],
    executive: ['VP Sales', 'Chief Revenue Officer'],
    base: 95_000,
    skills: list(`
      Salesforce, HubSpot, MEDDICC, Outbound prospecting, Negotiation, Enterprise sales, SaaS sales,
      Pipeline management, Forecasting, Solution selling, Gong, Channel partnerships
  `),
    duties: [
      'Own a territory and a quota, and build the pipeline to beat it',
      'Run discovery, demos and commercial negotiations with senior buyers',
      'Work with solutions engineers on complex, multi-stakeholder deals',
      'Keep the CRM honest and forecast accurately',
      'Feed what you hear in the market back to product and marketing',
    ],
  },
  marketing: {
    titles: [
      'Product Marketing Manager',
      'Growth Marketing Manager',
      'Content Marketing Manager',
      'Demand Generation Manager',
      'SEO Specialist',
      'Brand Manager',
      'Lifecycle Marketing Manager',
    ],
    intern: ['Marketing Intern'],
    lead: ['Marketing Manager', 'Director of Growth', 'Head of Product Marketing'],
    executive: ['VP Marketing', 'Chief Marketing Officer'],
    base: 115_000,
    skills: list(`
      Positioning, Copywriting, SEO, Paid social, Google Ads, HubSpot, Marketo, Lifecycle email,
      Content strategy, Analytics, Brand, Events, Go-to-market
  `),
    duties: [
      'Own positioning and messaging for a product line',
      'Plan and run campaigns across paid, owned and earned channels',
      'Measure what works and move budget accordingly',
      'Write launch plans with product and sales',
      'Build the content that our buyers actually read',
    ],
  },
  customer_success: {
    titles: [
      'Customer Success Manager',
      'Support Engineer',
      'Implementation Specialist',
      'Technical Account Manager',
      'Onboarding Specialist',
    ],
    intern: ['Customer Support Intern'],
    lead: ['Customer Success Team Lead', 'Director of Customer Success', 'Support Manager'],
    executive: ['VP Customer Success', 'Chief Customer Officer'],
    base: 88_000,
    skills: list(`
      Onboarding, Renewals, Zendesk, Gainsight, Intercom, Churn reduction, SQL, APIs,
      Account management, Training, Escalation management, Salesforce
  `),
    duties: [
      'Own a book of customers and their renewals',
      'Run onboarding and make sure every account reaches value quickly',
      'Spot churn risk early and act on it',
      'Be the customer’s voice in product discussions',
      'Write help-centre articles and run training sessions',
    ],
  },
  operations: {
    titles: [
      'Operations Manager',
      'Business Operations Analyst',
      'Supply Chain Analyst',
      'Program Manager',
      'Procurement Specialist',
      'Revenue Operations Analyst',
    ],
    intern: ['Operations Intern'],
    lead: ['Director of Operations', 'Head of Business Operations', 'Senior Program Manager'],
    executive: ['VP Operations', 'Chief Operating Officer'],
    base: 95_000,
    skills: list(`
      Process improvement, Excel, SQL, Lean, Six Sigma, Vendor management, Supply chain,
      Project management, Salesforce, NetSuite, Forecasting, Logistics
  `),
    duties: [
      'Find the bottlenecks in how we work and remove them',
      'Own operating metrics and the weekly business review',
      'Run cross-team programmes from kickoff to completion',
      'Manage vendors and negotiate contracts',
      'Build the playbooks that let us scale without chaos',
    ],
  },
  finance: {
    titles: [
      'Financial Analyst',
      'Accountant',
      'FP&A Analyst',
      'Payroll Specialist',
      'Revenue Accountant',
      'Tax Manager',
    ],
    intern: ['Finance Intern'],
    lead: ['Finance Manager', 'Controller', 'Head of FP&A'],
    executive: ['CFO', 'VP Finance'],
    base: 105_000,
    skills: list(`
      Financial modelling, Excel, NetSuite, GAAP, IFRS, Budgeting, Forecasting, Revenue recognition,
      Audit, Tax, Payroll, SQL
  `),
    duties: [
      'Own the monthly close for your area and keep it on schedule',
      'Build the models behind our budget and forecasts',
      'Work with auditors and tax advisers',
      'Partner with department heads on spending and headcount',
      'Improve our finance systems and controls',
    ],
  },
  people: {
    titles: [
      'Talent Acquisition Partner',
      'HR Business Partner',
      'People Operations Specialist',
      'Learning & Development Manager',
      'Compensation Analyst',
    ],
    intern: ['People Operations Intern'],
    lead: ['People Lead', 'Head of Talent', 'Senior HR Business Partner'],
    executive: ['Chief People Officer', 'VP People'],
    base: 100_000,
    skills: list(`
      Recruiting, Employee relations, Compensation, HRIS, Workday, Onboarding, Performance management,
      Employment law, Learning & development, Greenhouse, DEI
  `),
    duties: [
      'Partner with leaders on hiring plans, performance and growth',
      'Run our recruiting process for a set of teams',
      'Keep our people policies fair, clear and compliant',
      'Own onboarding so that new joiners are productive in weeks, not months',
      'Use data to spot what is working in our people programmes',
    ],
  },
  legal: {
    titles: ['Legal Counsel', 'Commercial Counsel', 'Privacy Counsel', 'Paralegal', 'Compliance Analyst'],
    intern: ['Legal Intern'],
    lead: ['Senior Counsel', 'Head of Compliance', 'Deputy General Counsel'],
    executive: ['General Counsel', 'Chief Legal Officer'],
    base: 150_000,
    skills: list(`
      Commercial contracts, GDPR, Privacy, Employment law, Regulatory compliance, Negotiation,
      Corporate governance, Intellectual property, AML/KYC, Litigation management, HIPAA
  `),
    duties: [
      'Negotiate customer, partner and vendor contracts',
      'Advise the business on privacy and data protection',
      'Own our compliance programme for a regulated product',
      'Draft policies and train teams on them',
      'Manage outside counsel and keep legal spend under control',
    ],
  },
}

export const SENIORITY_PAY: Record<string, number> = {
  intern: 0.38,
  junior: 0.7,
  mid: 1,
  senior: 1.3,
  lead: 1.55,
  executive: 2.0,
}

/** Years of experience typical of each level. */
export const SENIORITY_YEARS: Record<string, readonly [number, number]> = {
  intern: [0, 1],
  junior: [1, 3],
  mid: [3, 6],
  senior: [5, 10],
  lead: [8, 15],
  executive: [12, 25],
}

export const GENERAL_SKILLS = [
  'Communication',
  'Stakeholder management',
  'Mentoring',
  'Agile',
  'Public speaking',
  'Remote collaboration',
  'Hiring',
  'Technical writing',
]

/** A language worth listing on a profile, by country. */
export const LANGUAGES: Record<string, string> = {
  IL: 'Hebrew',
  DE: 'German',
  NL: 'Dutch',
  FR: 'French',
  ES: 'Spanish',
  PT: 'Portuguese',
  PL: 'Polish',
  CA: 'French',
}

export const BENEFITS: Record<string, readonly string[]> = {
  US: [
    'Medical, dental and vision cover for you and your family',
    '401(k) with a 4% match',
    'Equity in the company',
    'Flexible time off, with a minimum of 20 days',
    '16 weeks of paid parental leave',
    '$1,500 a year for learning',
  ],
  GB: [
    '28 days of holiday plus bank holidays',
    'Private medical insurance with Bupa',
    'Pension with 5% employer contribution',
    'Share options',
    'Cycle-to-work scheme',
    'Enhanced parental leave',
  ],
  IL: [
    'Keren hishtalmut (study fund) from day one',
    'Stock options',
    'Private health insurance for you and your family',
    'Lunch card (Cibus) and a great office in the centre',
    'Flexible hybrid week',
    'Learning budget and conference travel',
  ],
  EU: [
    '30 days of paid holiday',
    'Pension plan with employer contribution',
    'Virtual share options',
    'Public transport pass or a bike lease',
    'Home-office budget',
    'Relocation support and visa sponsorship',
  ],
}

// ---------------------------------------------------------------------------------------------
// Reasons and notes
// ---------------------------------------------------------------------------------------------

export const REJECTION_REASONS = [
  'Went with a candidate with more direct domain experience',
  'Salary expectations above the approved range',
  'Not enough depth in distributed systems for this level',
  'Did not pass the take-home assignment',
  'Strong profile, but the team needs someone more senior',
  'Looking for someone with more people-management experience',
  'Needs to be onsite three days a week; candidate is fully remote',
  'Notice period is too long for this hire',
  'Already in process with us through another channel',
  'Communication in the panel interview was not strong enough',
  'Position filled by another candidate',
  'Role put on hold after a budget review',
  'Visa sponsorship is not possible for this role',
  'Skills overlap too much with a recent hire; different profile needed',
]

export const WITHDRAWAL_REASONS = [
  'Accepted another offer',
  'Accepted a counteroffer from the current employer',
  'Relocation is no longer possible for family reasons',
  'Compensation below what the candidate is looking for',
  'Decided to stay put for now',
  'The role turned out to be mostly onsite',
  'Not excited about the product after the first conversations',
  'Took a role at a company further along in the process',
]

export const ROLE_PAUSE_REASONS = [
  'Budget review for next quarter',
  'Hiring freeze until the board meeting',
  'Interview loop is full; pausing new submissions',
  'Re-scoping the role with the new VP',
  'Team reorganisation in progress',
]

export const ROLE_CLOSE_REASONS = [
  'Position cancelled after planning',
  'Filled internally',
  'Role redefined; a new requisition will follow',
  'Headcount moved to another team',
  'Hired through an employee referral',
]

export const FALL_OFF_REASONS = [
  'Resigned in the second month after a counteroffer from the previous employer',
  'Did not pass probation',
  'Relocated abroad for family reasons',
  'Left for a role at a competitor',
  'Mutual decision: the role changed substantially after the hire',
]

export const APPLICATION_NOTES = [
  'Strong match on the core stack; available with a 30-day notice period.',
  'Has led a similar migration at their current company. Open to hybrid.',
  'Actively interviewing elsewhere; would appreciate a quick first call.',
  'Referred by a former colleague on your team.',
  'Looking for a bigger scope; comp expectations are within your range.',
  'Relocating next quarter and keen on this team specifically.',
  'Great culture add: mentors juniors and speaks at meetups.',
  'Currently on garden leave, can start immediately.',
  'Prefers remote-first but will come in two days a week.',
  'Passive candidate: open to this role because of the product.',
]

export const CANDIDATE_NOTES = [
  'Met at a meetup; very thoughtful about trade-offs.',
  'Prefers smaller teams and early-stage products.',
  'Not interested in agency-heavy processes; keep it tight.',
  'Open to relocation for the right role.',
  'Has a 60-day notice period.',
  'Interested in climate and health companies only.',
  'Wants a clear path to management within two years.',
  'Great references from two former managers.',
  'Available for calls after 17:00 local time.',
  'Currently on a contract that ends next month.',
]

export const DISPUTE_CLAIMS = [
  'I have been working with this candidate since last year and introduced them to this company first; I have the email thread.',
  'The candidate told me they had not agreed to be represented by anyone else for this company.',
  'My record predates theirs by three months and includes the signed consent.',
  'The other submission was for a different role and the candidate never approved it.',
]

export const DISPUTE_RESOLUTIONS = [
  'The holder’s consent record predates the claim and the candidate confirmed it by email.',
  'The holder submitted first with valid consent; the claimant may submit to other companies.',
  'Both recruiters had consent; the first submission stands under the RTR rules.',
]

export const HEADLINES = [
  'Tech recruiter for backend, platform and SRE roles',
  'Go-to-market hiring: sales, marketing and customer success',
  'Executive search for Series B–D startups',
  'Data and machine-learning talent partner',
  'Product and design recruiter',
  'Finance, legal and operations hiring',
  'Israel tech ecosystem specialist',
  'UK fintech and payments recruiter',
  'Healthcare technology recruiting',
  'Cybersecurity talent partner',
  'European engineering hiring, remote-first',
  'Early-stage founding-team hires',
]

export const RECRUITER_BIOS = [
  'Former software engineer turned recruiter. I know what a good code review looks like and I only send candidates I would hire myself.',
  'Ten years of agency and in-house recruiting, most recently leading talent at a scale-up. I build long-term relationships on both sides.',
  'I specialise in senior and leadership hires and run a small, fast process with detailed candidate write-ups.',
  'Based between Tel Aviv and New York, I help Israeli startups build their US go-to-market teams.',
  'I place candidates who stay: my 12-month retention rate is above 95%.',
  'I work with a tight network of engineers and designers across Europe and the UK.',
]

/** Team names a title or description may mention, by function. */
export const TEAMS: Record<Fn, readonly string[]> = {
  engineering: [
    'Platform',
    'Core Product',
    'Payments',
    'Infrastructure',
    'Mobile',
    'Growth',
    'Integrations',
    'Developer Experience',
  ],
  product: ['Core Product', 'Growth', 'Platform', 'Enterprise', 'Mobile'],
  design: ['Core Product', 'Growth', 'Design Systems', 'Mobile'],
  data: ['Analytics', 'Data Platform', 'Forecasting', 'Risk', 'Search & Ranking'],
  sales: ['EMEA', 'North America', 'Mid-Market', 'Enterprise', 'Strategic Accounts'],
  marketing: ['Growth', 'Brand', 'Lifecycle', 'Demand Generation'],
  customer_success: ['Enterprise', 'Mid-Market', 'Onboarding', 'Support'],
  operations: ['Business Operations', 'Revenue Operations', 'Supply Chain', 'Workplace'],
  finance: ['FP&A', 'Accounting', 'Tax', 'Treasury'],
  people: ['Talent', 'People Operations', 'Learning'],
  legal: ['Commercial', 'Privacy', 'Compliance', 'Corporate'],
}

/** Acme Robotics' roles, written out so that the personas' (Dana, Eli) screens read well. */
export const ACME_ROLES: readonly {
  title: string
  fn: Fn
  seniority: 'intern' | 'junior' | 'mid' | 'senior' | 'lead' | 'executive'
  /** Index into Acme's offices: 0 Tel Aviv, 1 Boston, 2 Haifa. */
  office: number
  mode: 'onsite' | 'hybrid' | 'remote'
  status: 'draft' | 'open' | 'paused' | 'filled' | 'closed'
  openings?: number
}[] = [
  {
    title: 'Senior Robotics Software Engineer',
    fn: 'engineering',
    seniority: 'senior',
    office: 0,
    mode: 'hybrid',
    status: 'open',
    openings: 2,
  },
  {
    title: 'Staff Backend Engineer, Fleet Platform',
    fn: 'engineering',
    seniority: 'lead',
    office: 0,
    mode: 'hybrid',
    status: 'open',
  },
  {
    title: 'Senior Product Designer',
    fn: 'design',
    seniority: 'senior',
    office: 0,
    mode: 'hybrid',
    status: 'open',
  },
  {
    title: 'Machine Learning Engineer, Perception',
    fn: 'engineering',
    seniority: 'senior',
    office: 2,
    mode: 'hybrid',
    status: 'open',
  },
  {
    title: 'Field Operations Manager',
    fn: 'operations',
    seniority: 'mid',
    office: 1,
    mode: 'onsite',
    status: 'open',
    openings: 3,
  },
  {
    title: 'Product Manager, Fleet Management',
    fn: 'product',
    seniority: 'mid',
    office: 1,
    mode: 'hybrid',
    status: 'paused',
  },
  {
    title: 'Embedded Software Engineer',
    fn: 'engineering',
    seniority: 'mid',
    office: 2,
    mode: 'onsite',
    status: 'filled',
  },
  {
    title: 'Senior Data Engineer',
    fn: 'data',
    seniority: 'senior',
    office: 0,
    mode: 'hybrid',
    status: 'closed',
  },
  {
    title: 'VP Engineering',
    fn: 'engineering',
    seniority: 'executive',
    office: 0,
    mode: 'hybrid',
    status: 'draft',
  },
  {
    title: 'Junior QA Automation Engineer',
    fn: 'engineering',
    seniority: 'junior',
    office: 2,
    mode: 'onsite',
    status: 'draft',
  },
  {
    title: 'Customer Success Manager, Hospitals',
    fn: 'customer_success',
    seniority: 'mid',
    office: 1,
    mode: 'hybrid',
    status: 'open',
  },
  {
    title: 'Site Reliability Engineer',
    fn: 'engineering',
    seniority: 'senior',
    office: 0,
    mode: 'remote',
    status: 'filled',
  },
]
