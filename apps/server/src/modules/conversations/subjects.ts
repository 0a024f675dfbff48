import type { AnyTx } from '../../kernel/db/database.ts'

/**
 * What a reader sees of a message's text. `mask_reason` is set when parts were hidden (the stored
 * text is unchanged: the decision is made again at every read, so it changes when the subject's
 * state does).
 */
export interface PresentedText {
  text: string
  mask_reason: string | null
}
export type Presenter = (text: string) => PresentedText

/** Who reads: a participant (their user id) or an admin reading a transcript through a logged route. */
export interface Viewer {
  userId: string
  admin: boolean
}

/**
 * The module that owns a kind of subject (e.g. `ofair_proposal`) decides what its readers see.
 * Conversations knows no subject's vocabulary: without a registered kind, text is shown as typed.
 */
export interface ConversationSubject {
  kind: string
  /**
   * Refuse text with HTML tags (400 naming `body.text`) instead of storing it as typed (Splits
   * Network: "messages with markup" are bad input).
   */
  refuseMarkup?: boolean
  /** Called once per read (a page of messages, one push to one reader) inside the reader's transaction. */
  presenter(tx: AnyTx, subjectId: string, viewer: Viewer): Promise<Presenter>
  /**
   * Files may be sent with messages (a kind without this stays text only: 422
   * `attachments_not_allowed`). `piiSubject` names whose personal data a downloaded file may carry,
   * for the PII reveal log (null: nobody's).
   */
  attachments?: {
    piiSubject(tx: AnyTx, subjectId: string): Promise<{ subjectType: string; subjectId: string } | null>
  }
}

const subjects = new Map<string, ConversationSubject>()

export function defineConversationSubject(subject: ConversationSubject): ConversationSubject {
  if (!/^[a-z][a-z0-9_]{1,62}$/.test(subject.kind)) throw new Error(`bad subject kind ${subject.kind}`)
  subjects.set(subject.kind, subject)
  return subject
}

/** An HTML tag or comment: `<b>`, `</div>`, `<img src=…>`, `<!-- -->`. */
export const MARKUP = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!\[cdata\[/i

export const refusesMarkup = (subjectKind: string): boolean =>
  subjects.get(subjectKind)?.refuseMarkup === true

/** The subject's attachment rules, or undefined when its conversations are text only. */
export const attachmentRules = (subjectKind: string): ConversationSubject['attachments'] =>
  subjects.get(subjectKind)?.attachments

const asTyped: Presenter = (text) => ({ text, mask_reason: null })

export async function presenterFor(
  tx: AnyTx,
  subjectKind: string,
  subjectId: string,
  viewer: Viewer,
): Promise<Presenter> {
  const subject = subjects.get(subjectKind)
  return subject ? subject.presenter(tx, subjectId, viewer) : asTyped
}
