import { canonicalSkill } from '@app/skills'
import { describe, expect, it } from 'vitest'
import { FUNCTION_SPECS, GENERAL_SKILLS, LANGUAGES } from './words.ts'

describe('the demo data speaks the skills taxonomy', () => {
  it('every skill the generator writes on candidates and roles is a known skill', () => {
    const written = [
      ...Object.values(FUNCTION_SPECS).flatMap((spec) => spec.skills),
      ...GENERAL_SKILLS,
      ...Object.values(LANGUAGES),
    ]
    expect(written.filter((name) => !canonicalSkill(name))).toEqual([])
  })
})
