// Text helpers for opinions: Chinese word segmentation for full-text search, redaction for public display,
// and the shape of a tracking code.

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Words of `text` (Chinese split by Intl.Segmenter, Latin words kept), lower-cased, without punctuation. */
export function segmentWords(text: string): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(text.normalize('NFKC'))) {
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (w) words.push(w);
  }
  return words;
}

/** The segmented text stored for `to_tsvector('simple', …)`: words separated by spaces. */
export const searchText = (...parts: (string | null | undefined)[]): string =>
  segmentWords(parts.filter(Boolean).join(' ')).join(' ');

/** An OR query for to_tsquery('simple', …) from free text; null when nothing searchable is left. */
export function orQuery(text: string, maxWords = 24): string | null {
  const words = [...new Set(segmentWords(text))]
    .filter((w) => w.length > 1 || /\p{Script=Han}/u.test(w))
    .slice(0, maxWords);
  return words.length ? words.map((w) => `'${w.replace(/'/g, '')}'`).join(' | ') : null;
}

/** An AND query (every word must occur), for the staff search box. */
export function andQuery(text: string, maxWords = 12): string | null {
  const words = [...new Set(segmentWords(text))].slice(0, maxWords);
  return words.length ? words.map((w) => `'${w.replace(/'/g, '')}'`).join(' & ') : null;
}

/** Removes phone numbers, ID numbers and e-mail addresses from text shown to the public (PIPL Art. 25). */
export function redactContent(text: string): string {
  return text
    .replace(/\d{17}[\dXx]|\d{15}/g, '[证件号已隐去]')
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, '[电话已隐去]')
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, '[电话已隐去]')
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[邮箱已隐去]');
}

/** Tracking codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L). ~49 bits. */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const TRACKING_CODE_LENGTH = 10;
export const trackingCodePattern = new RegExp(`^[${TRACKING_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`);
/** Accepts what a citizen types: lower case, spaces and dashes are forgiven. */
export const normaliseTrackingCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');
