import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  identityKeysOf,
  normalizeCandidateEmail,
  normalizeCandidatePhone,
  normalizeGitHub,
  normalizeLinkedIn,
} from './identity-keys.ts'

describe('candidate identity keys', () => {
  it.each([
    ['Jane.Doe+jobs@Gmail.com', 'janedoe@gmail.com'],
    ['janedoe@googlemail.com', 'janedoe@gmail.com'],
    [' JANE@Example.org ', 'jane@example.org'],
    ['j.doe+x@example.org', 'j.doe@example.org'],
  ])('email %s → %s', (a, b) => expect(normalizeCandidateEmail(a)).toBe(b))

  it('phones: the same number in any form, read in the candidate’s country', () => {
    expect(normalizeCandidatePhone('(415) 555-2671')).toBe('+14155552671')
    expect(normalizeCandidatePhone('+1 415 555 2671')).toBe('+14155552671')
    expect(normalizeCandidatePhone('050-234-5678', 'IL')).toBe('+972502345678')
    expect(normalizeCandidatePhone('00972502345678')).toBe('+972502345678')
    expect(normalizeCandidatePhone('12')).toBeNull()
  })

  it('profile URLs', () => {
    expect(normalizeLinkedIn('https://il.linkedin.com/in/Jane-Doe-123/?trk=x')).toBe('in/jane-doe-123')
    expect(normalizeLinkedIn('linkedin.com/in/jane-doe-123')).toBe('in/jane-doe-123')
    expect(normalizeLinkedIn('https://example.com/in/jane')).toBeNull()
    expect(normalizeGitHub('https://github.com/JaneDoe/repo')).toBe('janedoe')
    expect(normalizeGitHub('https://gist.github.com/JaneDoe')).toBe('janedoe')
    expect(normalizeGitHub('https://github.com/')).toBeNull()
  })

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.string(),
        (email, phone, linkedin_url, github_url) => {
          identityKeysOf({ email, phone, linkedin_url, github_url })
        },
      ),
    )
  })
})
