import { signedLink, verifyLink } from '../../../kernel/files/signed-url.ts'

/**
 * Links to OFAIR's private files, `/api/ofair/files/{id}/content?expires=…&sig=…`, signed by the
 * kernel's link signer (see kernel/files/signed-url.ts).
 */
export const LINK_SECONDS = 300
const PURPOSE = 'ofair-file'

export function signedFileUrl(secret: string, fileId: string, now: Date, seconds = LINK_SECONDS): string {
  return signedLink(
    secret,
    { purpose: PURPOSE, id: fileId, path: `/api/ofair/files/${fileId}/content` },
    now,
    seconds,
  )
}

export function verifyFileSignature(
  secret: string,
  fileId: string,
  expires: number,
  sig: string,
  now: Date,
): boolean {
  return verifyLink(secret, { purpose: PURPOSE, id: fileId }, expires, sig, now)
}
