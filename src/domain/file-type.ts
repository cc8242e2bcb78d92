/**
 * What a sent file really is, from its first bytes (not the name or the announced type),
 * and whether the bot accepts it as a claim document: JPEG, PNG, WebP photos and PDF files.
 */
export type AcceptedFileType = { mimeType: string; extension: string };

const signatures: ReadonlyArray<readonly [AcceptedFileType, (b: Uint8Array) => boolean]> = [
  [{ mimeType: "image/jpeg", extension: "jpg" }, (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  [
    { mimeType: "image/png", extension: "png" },
    (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  ],
  [
    { mimeType: "application/pdf", extension: "pdf" },
    (b) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46,
  ],
  [
    { mimeType: "image/webp", extension: "webp" },
    (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  ],
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The accepted type of these bytes, or undefined when they are none of the accepted types. */
export function detectFileType(bytes: Uint8Array): AcceptedFileType | undefined {
  return signatures.find(([, test]) => test(bytes))?.[0];
}

/** Announced MIME types worth downloading at all (the bytes are checked again afterwards). */
export function isAcceptedMimeType(mimeType: string): boolean {
  return ["image/jpeg", "image/jpg", "image/png", "image/webp", "application/pdf", ""].includes(
    mimeType.toLowerCase(),
  );
}

/** Largest document accepted, in bytes (Telegram bots may download up to 20 MB; phones send less). */
export const maxDocumentBytes = 10 * 1024 * 1024;

/**
 * A sent file's name as it may be kept: numbers of 8+ digits (a NIK, KK, KPJ or account number
 * people put in scan names) masked, control characters dropped, at most 100 characters.
 */
export function toSafeFileName(name: string): string | undefined {
  const safe = name
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/\d(?:[\s._-]?\d){7,}/g, "[nomor]")
    .trim()
    .slice(0, 100);
  return safe === "" ? undefined : safe;
}
