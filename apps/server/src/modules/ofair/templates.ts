/**
 * Every message OFAIR sends people, in one place: Hebrew text with variables. Each variable is
 * wrapped in Unicode first-strong isolates (U+2068 … U+2069), so a Latin business name, a number
 * or an amount inside right-to-left text keeps its own direction and does not reorder the
 * punctuation around it, in the app, email, SMS, WhatsApp and push alike.
 */
const FSI = '\u2068'
const PDI = '\u2069'

/** One variable, isolated (empty stays empty). */
export const isolate = (v: string | number): string => (String(v) === '' ? '' : `${FSI}${v}${PDI}`)

/** A Hebrew template literal whose interpolations are isolated. */
function he(strings: TemplateStringsArray, ...values: (string | number)[]): string {
  return strings.reduce((out, s, i) => out + s + (i < values.length ? isolate(values[i]!) : ''), '')
}

export const shekels = (agorot: bigint | number | string): string =>
  new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS' }).format(Number(agorot) / 100)

export interface Message {
  title: string
  body: string
}

export const OFAIR_TEMPLATES = {
  /** A new lead on the board that matches the professional (subscribers first). */
  leadMatching: (v: { title: string; subscriber: boolean }): Message => ({
    title: 'עבודה חדשה באזור שלכם',
    body: v.subscriber
      ? he`"${v.title}" — אתם שומעים עליה ראשונים כמנויים.`
      : he`"${v.title}" — פורסמה בלוח העבודות. מנויים שומעים על עבודות כאלה ראשונים.`,
  }),
  proposalSubmitted: (v: { title: string; price: bigint | string }): Message => ({
    title: he`הצעה חדשה: ${shekels(v.price)}`,
    body: he`התקבלה הצעה לעבודה "${v.title}".`,
  }),
  referralOffered: (v: { from: string; title: string; chainPercent: number }): Message => ({
    title: he`${v.from} הפנה אליכם עבודה`,
    body: he`"${v.title}" — עמלת הפניה מצטברת ${`${v.chainPercent}%`}. אפשר לקבל או לדחות.`,
  }),
  referralAnswered: (v: { who: string; accepted: boolean; title: string }): Message => ({
    title: v.accepted ? he`${v.who} קיבל/ה את ההפניה` : he`${v.who} דחה/תה את ההפניה`,
    body: he`העבודה "${v.title}".`,
  }),
  proposalAccepted: (v: { title: string }): Message => ({
    title: 'ההצעה שלכם התקבלה',
    body: he`"${v.title}" — פרטי הלקוח זמינים לכם עכשיו בדף העבודה.`,
  }),
  proposalDeclined: (v: { title: string }): Message => ({
    title: 'הלקוח בחר בהצעה אחרת',
    body: he`העבודה "${v.title}" נמסרה לבעל מקצוע אחר.`,
  }),
  jobConfirmed: (v: { title: string; finalAmount: string; net: string; captured: boolean }): Message => ({
    title: 'העבודה אושרה',
    body: v.captured
      ? he`הלקוח אישר את "${v.title}" בסך ${shekels(v.finalAmount)}. החלק שלכם, ${shekels(v.net)}, יתווסף לארנק אחרי התשלום ותקופת ההמתנה.`
      : he`הלקוח אישר את "${v.title}" בסך ${shekels(v.finalAmount)}. העמלות נרשמו בחשבון שלכם ב-OFAIR.`,
  }),
  /** To the lead's owner once they confirmed the job: rate the professional (one review per job). */
  reviewRequested: (v: { title: string; performer: string }): Message => ({
    title: he`איך הייתה העבודה עם ${v.performer}?`,
    body: he`אישרתם את "${v.title}". דרגו את בעל המקצוע מ-1 עד 5 כוכבים — זה עוזר לאחרים לבחור.`,
  }),
  invoiceIssued: (v: { documentTitle: string; number: string; total: bigint }): Message => ({
    title: v.documentTitle,
    body: he`מסמך מספר ${v.number} בסך ${shekels(v.total)}. אפשר לצפות בו ולהוריד PDF.`,
  }),
  paymentFailed: (v: { amount: bigint; retryInDays: number | null }): Message => ({
    title: 'חיוב כרטיס האשראי נכשל',
    body:
      v.retryInDays === null
        ? he`לא הצלחנו לחייב ${shekels(v.amount)} גם בניסיון האחרון. צוות OFAIR ייצור איתכם קשר; אפשר לעדכן כרטיס בכל עת.`
        : he`לא הצלחנו לחייב ${shekels(v.amount)}. ננסה שוב בעוד ${v.retryInDays} ימים. כדאי לבדוק את הכרטיס השמור.`,
  }),
  paymentSucceeded: (v: { amount: bigint }): Message => ({
    title: 'חייבנו את כרטיס האשראי שלכם',
    body: he`חויבו ${shekels(v.amount)} על עמלות ודמי הפניה. תודה!`,
  }),
  professionalReviewed: (v: { verified: boolean }): Message =>
    v.verified
      ? { title: 'הפרופיל המקצועי שלכם אומת', body: 'אפשר להגיש הצעות ולפרסם עבודות.' }
      : { title: 'הפרופיל המקצועי שלכם לא אושר', body: 'פתחו את הפרופיל כדי לראות את ההערה של צוות OFAIR.' },
  marketing: (v: { headline: string; text: string }): Message => ({ title: v.headline, body: v.text }),
} as const
