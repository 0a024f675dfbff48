import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  canonicalSkill,
  findSkillsInText,
  normalizeSkills,
  SKILLS,
  skillById,
  skillKey,
  skillSimilarity,
} from './index.ts'

describe('the skills taxonomy', () => {
  it('has unique ids, and every related id is a skill that names it back', () => {
    expect(new Set(SKILLS.map((s) => s.id)).size).toBe(SKILLS.length)
    expect(SKILLS.length).toBeGreaterThan(150)
    for (const skill of SKILLS) {
      for (const id of skill.related) expect(skillById(id)?.related).toContain(skill.id)
    }
  })

  it('maps synonyms in any case and spacing to one canonical skill', () => {
    expect(canonicalSkill('reactjs')?.label).toBe('React')
    expect(canonicalSkill('  React.JS, ')?.label).toBe('React')
    expect(canonicalSkill('K8s')?.label).toBe('Kubernetes')
    expect(canonicalSkill('golang')?.label).toBe('Go')
    expect(canonicalSkill('ריאקט')?.label).toBe('React')
    expect(canonicalSkill('Haskell')).toBeUndefined()
    expect(skillById('c-plus-plus')?.label).toBe('C++')
    expect(skillById('c-sharp')?.label).toBe('C#')
  })

  it('normalises a list: canonical labels, unknown names kept, duplicates dropped', () => {
    expect(normalizeSkills(['reactjs', 'React', 'Haskell', ' haskell ', 'Postgres', ''])).toEqual([
      'React',
      'Haskell',
      'PostgreSQL',
    ])
  })

  it('scores the same skill 1, a related one 0.5, anything else 0', () => {
    expect(skillSimilarity('ReactJS', 'react')).toBe(1)
    expect(skillSimilarity('Next.js', 'React')).toBe(0.5)
    expect(skillSimilarity('React', 'Next.js')).toBe(0.5)
    expect(skillSimilarity('React', 'Excel')).toBe(0)
    expect(skillSimilarity('Haskell', 'haskell')).toBe(1)
  })

  it('similarity is symmetric and 1 on itself for every pair of names it knows', () => {
    const names = SKILLS.flatMap((s) => [s.label, ...s.synonyms])
    const name = fc.constantFrom(...names)
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(skillSimilarity(a, b)).toBe(skillSimilarity(b, a))
        expect(skillSimilarity(a, a)).toBe(1)
      }),
    )
  })

  it('finds skills in free text with what was written and where, first mention each', () => {
    const text =
      'Built services in Golang and Node.js on K8s; some ReactJS and React Native. Plan C, C-level. Go-to-market with Salesforce. C++ and C# too; Lean startup fan; we go fast.'
    const found = findSkillsInText(text)
    expect(found.map((m) => m.skill.label)).toEqual([
      'Go',
      'Node.js',
      'Kubernetes',
      'React',
      'React Native',
      'Go-to-market',
      'Salesforce',
      'C++',
      'C#',
      'Lean',
    ])
    const go = found[0]!
    expect(text.slice(go.index, go.index + go.text.length)).toBe('Golang')
  })

  it('reads Hebrew resumes’ spellings', () => {
    expect(
      findSkillsInText('ניסיון בפייתון ובאקסל, פייתון, אקסל, ניהול פרויקטים').map((m) => m.skill.label),
    ).toEqual(['Python', 'Excel', 'Project management'])
  })

  it('keys ignore case and surrounding punctuation', () => {
    expect(skillKey(' Node.JS; ')).toBe('node.js')
  })
})
