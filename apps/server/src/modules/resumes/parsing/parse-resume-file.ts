import { extractResumeText } from './extract-text.ts'
import { parseResumeText, type ResumeParse } from './parse-resume.ts'

/** A resume file (PDF or DOCX) read into fields, with the text the evidence offsets point into. */
export async function parseResumeFile(
  bytes: Uint8Array,
  mediaType: string,
  now: Date,
): Promise<ResumeParse & { text: string }> {
  const text = await extractResumeText(bytes, mediaType)
  return { text, ...parseResumeText(text, now) }
}
