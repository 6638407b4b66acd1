// One storage service for every attachment: local disk under ./data by default, type checked by content
// (magic bytes), size limited, images re-encoded without their metadata (EXIF location included).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { AppError } from './errors';
import { newId } from './ids';
import { files } from './platform.table';
import type { Actor } from './actor';

export const FILE_KINDS = {
  image: ['image/jpeg', 'image/png', 'image/webp'],
  document: ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  spreadsheet: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export interface StoredFile {
  id: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  originalName: string;
}

export interface StoreFileInput {
  congressId: string;
  data: Buffer;
  originalName: string;
  /** What the file is for, e.g. `opinion.photo`. */
  purpose: string;
  kinds: readonly FileKind[];
  maxBytes: number;
  /** Images: the most pixels (width × height) accepted, read from the header before decoding. */
  maxPixels?: number;
  uploadedBy?: string | null;
}

/** Images above this many pixels are refused unless the caller sets its own `maxPixels` (40 megapixels). */
export const DEFAULT_MAX_IMAGE_PIXELS = 40_000_000;

/** A stored file's record, without its bytes. */
export interface FileRecord extends StoredFile {
  congressId: string;
  purpose: string;
  uploadedBy: string | null;
}

/**
 * Whether `actor` may read the file `fileId`: the module that links files of a purpose to its records
 * answers by its own policy ("may this actor read a record this file belongs to?").
 */
export type FileReadCheck = (db: Db, actor: Actor, fileId: string) => Promise<boolean>;

export interface FileStorage {
  /** Checks, cleans and stores the bytes, and records the file in `db` (pass the transaction). */
  store(db: Db, input: StoreFileInput): Promise<StoredFile>;
  /** The file's record, or null when the congress has no such file. */
  find(db: Db, congressId: string, id: string): Promise<FileRecord | null>;
  read(db: Db, congressId: string, id: string): Promise<{ file: StoredFile; data: Buffer } | null>;
  /** Declares who may read the files of a purpose (a module does this at startup, as it registers routes). */
  registerReader(purpose: string, check: FileReadCheck): void;
  /** The uploader may read a file, and whoever the module of its purpose allows; nobody else. */
  canRead(db: Db, actor: Actor, file: FileRecord): Promise<boolean>;
}

const tooLarge = (max: number) =>
  new AppError(413, 'file_too_large', {
    zh: `文件过大，上限为 ${Math.round(max / 1_048_576)} MB`,
    en: `The file is too large; the limit is ${Math.round(max / 1_048_576)} MB`,
  });

const imageTooLarge = (max: number) =>
  new AppError(
    413,
    'image_too_large',
    {
      zh: `图片像素过多，上限为 ${Math.round(max / 1_000_000)} 百万像素`,
      en: `The image has too many pixels; the limit is ${Math.round(max / 1_000_000)} megapixels`,
    },
    {
      errors: [
        {
          field: 'file',
          in: 'body',
          code: 'pixels',
          message: { zh: '图片尺寸过大', en: 'image dimensions too large' },
        },
      ],
    },
  );

const unreadableImage = () =>
  new AppError(
    415,
    'unreadable_image',
    { zh: '图片已损坏或无法识别', en: 'The image is damaged or cannot be read' },
    {
      errors: [
        {
          field: 'file',
          in: 'body',
          code: 'image',
          message: { zh: '图片无法读取', en: 'unreadable image' },
        },
      ],
    },
  );

/**
 * Re-encodes an image without its metadata, after checking its declared size: `metadata()` reads only the
 * header, and `limitInputPixels` makes the decoder itself refuse anything larger (a header that lies).
 * sharp decodes and encodes in libuv's thread pool, off the event loop.
 */
async function cleanImage(data: Buffer, mime: string, maxPixels: number): Promise<Buffer> {
  let meta: sharp.Metadata;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadableImage();
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0);
  if (!pixels) throw unreadableImage();
  if (pixels > maxPixels) throw imageTooLarge(maxPixels);
  // Re-encoding drops EXIF/XMP (GPS included); rotate() first applies the orientation it carried.
  const img = sharp(data, { failOn: 'error', limitInputPixels: maxPixels }).rotate();
  try {
    return mime === 'image/png'
      ? await img.png().toBuffer()
      : mime === 'image/webp'
        ? await img.webp().toBuffer()
        : await img.jpeg({ quality: 88 }).toBuffer();
  } catch (err) {
    if (/pixel limit/i.test((err as Error).message)) throw imageTooLarge(maxPixels);
    throw unreadableImage();
  }
}

export function createFileStorage(root: string): FileStorage {
  const readers = new Map<string, FileReadCheck>();
  const findRecord = async (db: Db, congressId: string, id: string) => {
    const [row] = await db
      .select()
      .from(files)
      .where(and(eq(files.id, id), eq(files.congressId, congressId)));
    return row ?? null;
  };
  return {
    async store(db, input) {
      if (input.data.length > input.maxBytes) throw tooLarge(input.maxBytes);
      const detected = await fileTypeFromBuffer(input.data);
      const allowed: readonly string[] = input.kinds.flatMap((k) => FILE_KINDS[k]);
      // OOXML is a zip: file-type names docx/xlsx by looking inside.
      if (!detected || !allowed.includes(detected.mime)) {
        throw new AppError(
          415,
          'unsupported_file_type',
          {
            zh: '不支持的文件类型（按内容识别）',
            en: 'This type of file is not accepted (checked by its content)',
          },
          {
            errors: [
              {
                field: 'file',
                in: 'body',
                code: 'type',
                message: { zh: '文件类型不符', en: 'wrong file type' },
              },
            ],
          },
        );
      }
      let data = input.data;
      if (detected.mime.startsWith('image/'))
        data = await cleanImage(data, detected.mime, input.maxPixels ?? DEFAULT_MAX_IMAGE_PIXELS);
      const id = newId();
      const storageKey = `${input.congressId}/${id.slice(0, 8)}/${id}`;
      const full = path.join(root, storageKey);
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, data);
      const sha256 = createHash('sha256').update(data).digest('hex');
      // The name comes from the multipart header, outside any schema: keep only what PostgreSQL can store.
      const originalName = input.originalName.replace(/[\0\p{Cs}]/gu, '').slice(0, 200);
      await db.insert(files).values({
        id,
        congressId: input.congressId,
        storageKey,
        mimeType: detected.mime,
        sizeBytes: data.length,
        sha256,
        originalName,
        purpose: input.purpose,
        uploadedBy: input.uploadedBy ?? null,
      });
      return { id, mimeType: detected.mime, sizeBytes: data.length, sha256, originalName };
    },
    async find(db, congressId, id) {
      const row = await findRecord(db, congressId, id);
      if (!row) return null;
      const { storageKey: _storageKey, createdAt: _createdAt, ...record } = row;
      return record;
    },
    async read(db, congressId, id) {
      const row = await findRecord(db, congressId, id);
      if (!row) return null;
      const data = await readFile(path.join(root, row.storageKey));
      return { file: row, data };
    },
    registerReader(purpose, check) {
      if (readers.has(purpose)) throw new Error(`file purpose ${purpose} already has a reader`);
      readers.set(purpose, check);
    },
    async canRead(db, actor, file) {
      if (file.congressId !== actor.congressId) return false;
      if (file.uploadedBy && file.uploadedBy === actor.accountId) return true;
      const check = readers.get(file.purpose);
      return check ? check(db, actor, file.id) : false;
    },
  };
}
