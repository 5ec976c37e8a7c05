/**
 * SMS length: encoding (GSM-7 or UCS-2), encoded units and segments, as carriers bill them.
 *
 * A message is GSM-7 when every character is in the GSM 03.38 basic table or its extension table;
 * extension characters are sent as ESC + char and take 2 septets. One GSM-7 message carries 160
 * septets; a longer one is split into parts of 153 (7 septets go to the concatenation header), and a
 * 2-septet character is never split across parts. Anything else makes the whole message UCS-2: 70
 * UTF-16 code units in one message, 67 per part when split; characters outside the BMP (most emoji)
 * take 2 code units (a surrogate pair) and a pair is never split across parts.
 *
 * Written here rather than taken from `sms-segments-calculator` (Twilio's calculator): that package
 * is sound (grapheme-aware, correct extension table) but pulls in `grapheme-splitter` (unmaintained
 * since 2017) and Twilio-only options (smart encoding, reserved characters), and we still need the
 * units left in the segment and Klaviyo's limit. The table below is all the logic there is.
 */
import type { SegmentCount } from './model';

/**
 * The longest body the app lets an agent send, in characters (Unicode code points).
 *
 * Sources: Klaviyo's OpenAPI spec (revision 2026-07-15) sets no `maxLength` on the `body` of
 * `POST /api/conversation-messages`; Klaviyo's help centre ("Guide to crafting SMS and MMS messages")
 * names 1,600 characters as the most a text message (MMS) may hold and explains that a longer SMS
 * is sent as several segments; 1,600 characters is also the body ceiling of the carrier gateways
 * (e.g. Twilio's documented limit), beyond which a message is refused or truncated. So 1,600 is the
 * documented ceiling we enforce rather than let Klaviyo or the carrier cut the reply.
 */
export const KLAVIYO_MAX_SMS_CHARACTERS = 1600;

export const GSM7_SINGLE_SEGMENT = 160;
export const GSM7_MULTI_SEGMENT = 153;
export const UCS2_SINGLE_SEGMENT = 70;
export const UCS2_MULTI_SEGMENT = 67;

/** GSM 03.38 default alphabet (one septet each), in table order. */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** GSM 03.38 extension table (ESC + char, two septets each): form feed, ^ { } \ [ ~ ] | €. */
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(Array.from(GSM7_BASIC));
const EXTENSION = new Set(Array.from(GSM7_EXTENSION));

/** Septets a character takes in GSM-7, or null when GSM-7 cannot carry it. */
export function gsm7Septets(char: string): 1 | 2 | null {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return null;
}

/** Every character of `text` fits GSM-7 (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (gsm7Septets(char) === null) return false;
  return true;
}

/** Pack per-character unit sizes into parts of `capacity` units without splitting a character. */
function pack(sizes: number[], capacity: number): { segments: number; usedInLast: number } {
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > capacity) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { segments, usedInLast: used };
}

export function countSegments(text: string): SegmentCount {
  const chars = Array.from(text ?? '');
  const gsm = chars.every((c) => gsm7Septets(c) !== null);
  const sizes = chars.map((c) => (gsm ? (gsm7Septets(c) as number) : c.length));
  const units = sizes.reduce((sum, n) => sum + n, 0);
  const single = gsm ? GSM7_SINGLE_SEGMENT : UCS2_SINGLE_SEGMENT;
  const multi = gsm ? GSM7_MULTI_SEGMENT : UCS2_MULTI_SEGMENT;

  let segments: number;
  let remainingInSegment: number;
  if (units === 0) {
    segments = 0;
    remainingInSegment = single;
  } else if (units <= single) {
    segments = 1;
    remainingInSegment = single - units;
  } else {
    const packed = pack(sizes, multi);
    segments = packed.segments;
    remainingInSegment = multi - packed.usedInLast;
  }

  return {
    encoding: gsm ? 'GSM-7' : 'UCS-2',
    characters: chars.length,
    units,
    segments,
    remainingInSegment,
    tooLong: chars.length > KLAVIYO_MAX_SMS_CHARACTERS,
  };
}
