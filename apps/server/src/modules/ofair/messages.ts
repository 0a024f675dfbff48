import { AppError, type ErrorCode, type FieldError } from '../../kernel/errors.ts'

/**
 * What OFAIR people read when something is refused: every problem document an OFAIR route answers
 * carries a Hebrew `user_message` (the route kit adds one from the code, and names the field for
 * bad input). Services that know better pass their own.
 */
const BY_CODE: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'חלק מהפרטים שנשלחו אינם תקינים. בדקו ונסו שוב.',
  malformed_json: 'הבקשה לא נשלחה כראוי. נסו שוב.',
  invalid_cursor: 'הרשימה השתנתה בזמן הדפדוף. טענו את הדף מחדש.',
  unauthenticated: 'צריך להתחבר כדי להמשיך.',
  session_expired: 'תוקף הכניסה פג. התחברו שוב.',
  forbidden: 'אין לחשבון שלכם הרשאה לפעולה הזאת.',
  csrf_failed: 'צריך לרענן את הדף ולנסות שוב.',
  account_suspended: 'החשבון מושעה. פנו לתמיכה.',
  not_found: 'לא מצאנו את מה שחיפשתם. ייתכן שהוסר.',
  route_not_found: 'הפעולה הזאת אינה זמינה.',
  conflict: 'הבקשה מתנגשת בשינוי שנעשה בינתיים. טענו את הדף ונסו שוב.',
  version_conflict: 'מישהו אחר שינה את זה בינתיים. טענו את הדף ונסו שוב.',
  idempotency_key_reused: 'הבקשה הזאת כבר נשלחה עם פרטים אחרים.',
  idempotency_in_progress: 'הבקשה עדיין בטיפול. המתינו רגע.',
  invalid_state_transition: 'השינוי הזה אינו אפשרי במצב הנוכחי.',
  payload_too_large: 'מה ששלחתם גדול מדי.',
  unsupported_media_type: 'סוג התוכן שנשלח אינו נתמך.',
  unprocessable: 'לא ניתן לבצע את הבקשה כפי שהיא.',
  rate_limited: 'יותר מדי ניסיונות. המתינו מעט ונסו שוב.',
  internal_error: 'משהו השתבש אצלנו. נסו שוב בעוד רגע.',
  service_unavailable: 'השירות עמוס או מתעדכן. נסו שוב בעוד רגע.',
  psp_unavailable: 'ספק התשלומים אינו זמין כרגע. נסו שוב בעוד כמה דקות.',
  webhook_signature_invalid: 'החתימה של ההודעה מספק התשלומים אינה תקינה.',
  webhook_timestamp_too_old: 'ההודעה מספק התשלומים ישנה מדי.',
  webhook_replayed: 'ההודעה הזאת מספק התשלומים כבר התקבלה.',
  no_payment_method: 'לא שמור אמצעי תשלום. הוסיפו כרטיס אשראי.',
  bank_details_required: 'להעברה בנקאית צריך מספר בנק, סניף וחשבון.',
  payout_not_pending: 'התשלום הזה כבר סומן כשולם או כנכשל.',
  share_too_high: 'אחוז העמלה למפנים יכול להיות בין 0 ל-90, וסך כל העמלות בשרשרת לא יעלה על 90%.',
  self_referral: 'אי אפשר להפנות עבודה לעצמכם.',
  referral_loop: 'בעל המקצוע הזה כבר נמצא בשרשרת ההפניות של העבודה.',
  referral_chain_too_long: 'שרשרת הפניות יכולה להגיע לארבע רמות לכל היותר.',
  already_referred: 'העבודה כבר הופנתה לבעל המקצוע הזה.',
  lead_already_claimed: 'מישהו אחר כבר קיבל את ההפניה הזאת.',
  lead_not_shareable: 'אפשר להפנות רק עבודות שאנשי מקצוע העלו. בקשות של לקוחות אינן מועברות.',
  referral_not_pending: 'כבר ניתנה תשובה להפניה הזאת.',
  not_in_chain: 'רק מי שהעלה את העבודה או מי שקיבל אותה בהפניה יכולים להפנות אותה הלאה.',
  lead_not_open: 'העבודה כבר לא פתוחה להצעות.',
  proposal_not_pending: 'ההצעה כבר אושרה, נדחתה או בוטלה.',
  own_lead: 'אי אפשר להגיש הצעה על עבודה שהעליתם בעצמכם.',
  duplicate_proposal: 'כבר הגשתם הצעה לעבודה הזאת. אפשר לערוך אותה.',
  not_verified: 'הפרופיל המקצועי שלכם עדיין ממתין לאימות של צוות OFAIR.',
  unknown_locality: 'לא מצאנו את היישוב. בחרו יישוב מהרשימה.',
  unknown_category: 'לא מצאנו את התחום. בחרו תחום מהרשימה.',
  invalid_phone: 'מספר הטלפון אינו מספר נייד ישראלי תקין. נסו למשל 050-123-4567.',
  invalid_business_number: 'מספר העוסק או הח.פ. אינו תקין. בדקו את תשע הספרות.',
  phone_not_verified: 'צריך לאמת את מספר הטלפון בקוד חד-פעמי לפני שמפרסמים.',
  file_too_large: 'הקובץ גדול מדי. אפשר להעלות קבצים עד 5MB.',
  file_type_not_allowed: 'אפשר להעלות רק תמונות (JPEG, PNG, WebP) או קובצי PDF.',
  file_not_usable: 'אי אפשר לצרף את הקובץ הזה.',
  link_expired: 'תוקף הקישור לקובץ פג. פתחו אותו שוב מהדף.',
  amount_below_minimum: 'הסכום הסופי נמוך מהסכום המינימלי לעבודה.',
  month_already_closed: 'החודש הזה כבר הופק ונסגר. תיקונים נעשים בחשבונית זיכוי.',
  month_not_ended: 'אפשר להפיק חשבוניות לחודש רק אחרי שהסתיים.',
  invoice_run_in_progress: 'הפקת החשבוניות לחודש הזה כבר רצה. המתינו לסיומה.',
  invoice_awaiting_allocation: 'החשבונית ממתינה למספר הקצאה מרשות המסים ותהיה זמינה אחרי שיוזן.',
  allocation_not_required: 'המסמך הזה אינו דורש מספר הקצאה.',
  allocation_already_entered: 'מספר ההקצאה כבר הוזן למסמך הזה.',
  not_creditable: 'אפשר לזכות רק חשבונית מס שהופקה ועדיין לא זוכתה במלואה.',
  credit_exceeds_invoice: 'סכום הזיכוי גבוה מהיתרה שנותרה בחשבונית.',
  final_amount_below_minimum: 'הסכום הסופי נמוך מהסכום המינימלי לעבודה.',
  performer_part_negative: 'העמלות ודמי ההפניה גבוהים מסכום העבודה. לא ניתן לסגור את העבודה בסכום הזה.',
  job_already_completed: 'העבודה כבר סומנה כגמורה.',
  already_confirmed: 'העבודה כבר אושרה.',
  payment_disputed: 'העבודה במחלוקת עד שצוות OFAIR יכריע בה.',
  dispute_not_allowed: 'אפשר לפתוח מחלוקת רק לפני ההתחשבנות או בתקופת ההמתנה.',
  dispute_not_open: 'המחלוקת כבר הוכרעה.',
  dispute_already_answered: 'כבר מסרתם את הצד שלכם במחלוקת הזו.',
  dispute_own: 'פתחתם את המחלוקת הזו; הצד השני הוא שמוסר תגובה.',
  insufficient_balance: 'הסכום גבוה מהיתרה הזמינה למשיכה.',
  withdrawal_not_pending: 'בקשת המשיכה כבר טופלה.',
  payment_not_payable: 'לא ניתן לרשום תשלום לעבודה הזאת במצבה הנוכחי.',
  not_releasable: 'הכספים של העבודה הזאת אינם ממתינים לשחרור.',
  terms_locked: 'אי אפשר לשנות את תנאי העמלה אחרי שהעבודה הופנתה או קיבלה הצעות.',
  // reviews and projects (reviews/errors.ts)
  job_not_confirmed: 'אפשר לדרג את העבודה רק אחרי שאישרתם שהיא הושלמה.',
  already_reviewed: 'כבר דירגתם את העבודה הזאת. אפשר לדרג כל עבודה פעם אחת.',
  already_replied: 'כבר הגבתם על חוות הדעת הזאת. אפשר להגיב פעם אחת.',
  review_already_hidden: 'חוות הדעת כבר מוסתרת.',
  review_not_hidden: 'חוות הדעת אינה מוסתרת.',
  milestone_transition_not_allowed: 'שלב מתקדם צעד אחד בכל פעם: ממתין ← בביצוע ← הושלם.',
}

/** Hebrew names of the fields people fill in, for "check the field X". */
const FIELD_LABELS: Record<string, string> = {
  title: 'כותרת',
  short_description: 'תיאור קצר',
  full_description: 'תיאור מלא',
  description: 'תיאור',
  category_id: 'תחום',
  subcategory_id: 'תת-תחום',
  locality_id: 'יישוב',
  street: 'רחוב ומספר',
  client_name: 'שם הלקוח',
  client_phone: 'טלפון הלקוח',
  client_address: 'כתובת',
  budget: 'תקציב',
  estimated_budget: 'תקציב משוער',
  referrer_share_percentage: 'אחוז עמלה למפנה',
  commission_percentage: 'אחוז עמלה',
  receiver_ids: 'אנשי המקצוע',
  price: 'מחיר',
  scheduled_date: 'תאריך',
  final_amount: 'סכום סופי',
  business_number: 'מספר עוסק / ח.פ.',
  company_name: 'שם העסק',
  display_name: 'שם לתצוגה',
  service_radius_km: 'רדיוס שירות',
  working_hours: 'שעות עבודה',
  phone: 'מספר טלפון',
  q: 'חיפוש',
  radius_km: 'רדיוס',
  month: 'חודש',
  allocation_number: 'מספר הקצאה',
  reason: 'סיבה',
  amount_before_vat: 'סכום לפני מע״מ',
  rating: 'דירוג',
  display_mode: 'אופן התצוגה',
  due_date: 'תאריך יעד',
  status: 'סטטוס',
}

export function hebrewMessage(code: string, errors?: readonly FieldError[]): string {
  if (code === 'validation_failed' && errors?.length) {
    const field = errors[0]!.field.split('.').find((part) => FIELD_LABELS[part])
    if (field) return `השדה "${FIELD_LABELS[field]}" אינו תקין. בדקו ונסו שוב.`
  }
  return BY_CODE[code as ErrorCode] ?? BY_CODE.unprocessable!
}

/** An OFAIR refusal: the developer's detail and the Hebrew message for people. */
export function refuse(
  code: ErrorCode,
  detail: string,
  options: { field?: string; meta?: Record<string, unknown> } = {},
): AppError {
  const errors = options.field ? [{ field: options.field, message: detail }] : undefined
  return new AppError(code, detail, {
    ...(errors ? { errors } : {}),
    ...(options.meta ? { meta: options.meta } : {}),
    userMessage: hebrewMessage(code, errors),
  })
}
