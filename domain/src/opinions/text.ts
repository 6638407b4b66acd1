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

/**
 * The character bigrams of `text` (NFKC, lower-cased), taken within runs of letters and digits, so that
 * punctuation and spaces never join two words. Chinese has no spaces: a bigram is the unit that carries a
 * word's meaning (下水, 水道, 积水), and it needs no segmenter or database extension.
 */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  }
  return out;
}

/** Fewest shared bigrams for two texts to count as similar: one common word (小区, 问题) is not enough. */
export const SIMILAR_MIN_SHARED = 2;
/** Least overlap (shared bigrams over the shorter text's) for two texts to count as similar. */
export const SIMILAR_THRESHOLD = 0.2;

/**
 * How alike two texts are, 0 to 1: the overlap coefficient of their bigram sets (shared over the smaller
 * set), so that a short query (下水道积水) matches a long opinion that contains it; 0 below
 * SIMILAR_MIN_SHARED shared bigrams.
 */
export function textSimilarity(a: string | Set<string>, b: string | Set<string>): number {
  const x = typeof a === 'string' ? bigrams(a) : a;
  const y = typeof b === 'string' ? bigrams(b) : b;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const g of small) if (large.has(g)) shared++;
  return shared < SIMILAR_MIN_SHARED ? 0 : shared / small.size;
}
