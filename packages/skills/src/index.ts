export {
  canonicalSkill,
  findSkillsInText,
  normalizeSkills,
  RELATED_SKILL_WEIGHT,
  SKILLS,
  type Skill,
  type SkillMention,
  skillById,
  skillKey,
  skillSimilarity,
} from './taxonomy.ts'
