// Notifications: an in-app inbox for every user; email through SMTP when configured; SMS through a
// pluggable gateway (default: the log). Users choose channels, or a daily digest instead of single messages.
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../config';
import type { MailSender, Notifier, SmsGateway } from './types';
import { enqueueJob, defineJob } from './jobs';
import { newId } from './ids';
import { accounts, notificationPreferences, notifications } from './platform.table';

export type { MailSender, NotificationInput, Notifier, SmsGateway } from './types';

export function createNotifier(config: Config, log: (obj: object, msg: string) => void): Notifier {
  const smsGateway: SmsGateway = {
    // The default adapter writes to the log; a deployment plugs in its operator's gateway here.
    send: async (phone, text) =>
      log({ sms: { to: phone.slice(0, 3) + '****' + phone.slice(-4), text } }, 'sms'),
  };
  const transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  const mail: MailSender | null = transport
    ? {
        send: async (to, subject, text) =>
          void (await transport.sendMail({ from: config.mailFrom, to, subject, text })),
      }
    : null;
  return {
    smsGateway,
    mail,
    async notify(db, input) {
      if (input.accountIds.length === 0) return;
      const ids: string[] = [];
      await db.insert(notifications).values(
        input.accountIds.map((accountId) => {
          const id = newId();
          ids.push(id);
          return {
            id,
            congressId: input.congressId,
            accountId,
            kind: input.kind,
            title: input.title,
            body: input.body,
            link: input.link ?? null,
          };
        }),
      );
      await enqueueJob(db, deliverNotificationsJob.name, { ids }, { congressId: input.congressId });
    },
    async sms(w, congressId, phoneEnc, text) {
      const message: SmsMessage = { phoneEnc, text: text.zh };
      await w.enqueue(sendSmsJob.name, { messages: [message] }, { congressId });
    },
  };
}

/** Sends email/SMS for fresh notifications, unless the user takes a daily digest. Idempotent per channel. */
export const deliverNotificationsJob = defineJob({
  name: 'notifications.deliver',
  payload: z.object({ ids: z.array(z.string()) }),
  async handle(app, { ids }) {
    const rows = await app.db
      .select({
        id: notifications.id,
        title: notifications.title,
        body: notifications.body,
        delivered: notifications.deliveredChannels,
        email: accounts.email,
        phoneEnc: accounts.phoneEnc,
        locale: accounts.locale,
        prefEmail: notificationPreferences.email,
        prefSms: notificationPreferences.sms,
        digest: notificationPreferences.dailyDigest,
      })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .leftJoin(notificationPreferences, eq(notificationPreferences.accountId, notifications.accountId))
      .where(inArray(notifications.id, ids));
    for (const r of rows) {
      if (r.digest) continue;
      const lang = r.locale === 'en' ? 'en' : 'zh';
      // Each channel is recorded as delivered right after its send, so a retry (or a worker that died after
      // the email) does not send it again.
      const delivered = (channel: string) =>
        app.db
          .update(notifications)
          .set({ deliveredChannels: sql`array_append(${notifications.deliveredChannels}, ${channel}::text)` })
          .where(eq(notifications.id, r.id));
      if ((r.prefEmail ?? true) && r.email && app.notifier.mail && !r.delivered.includes('email')) {
        await app.notifier.mail.send(r.email, r.title[lang], r.body[lang]);
        await delivered('email');
      }
      if (r.prefSms && r.phoneEnc && !r.delivered.includes('sms')) {
        await app.notifier.smsGateway.send(app.pii.decrypt(r.phoneEnc), `${r.title[lang]}：${r.body[lang]}`);
        await delivered('sms');
      }
    }
  },
});

/** One text to a phone number with no account (its number encrypted, as stored). */
export const smsMessageSchema = z.object({ phoneEnc: z.string(), text: z.string() });
export type SmsMessage = z.infer<typeof smsMessageSchema>;

/**
 * Texts, in order. Several writers' texts may share one job (the public form's batches: modules/opinions/commands/submit-public-opinion.ts),
 * so a job claimed once sends them all. Each text is recorded as sent the moment the gateway accepted it
 * (`job.once`, keyed by its place in the list): when one fails, or the worker dies mid-job, the retry sends
 * only the texts not recorded. (A job written before this shape carried one text: `{ phoneEnc, text }`.)
 */
export const sendSmsJob = defineJob({
  name: 'notifications.sms',
  payload: z.union([z.object({ messages: z.array(smsMessageSchema) }), smsMessageSchema]),
  async handle(app, payload, job) {
    const messages = 'messages' in payload ? payload.messages : [payload];
    for (const [i, m] of messages.entries()) {
      await job.once(`text:${i}`, () => app.notifier.smsGateway.send(app.pii.decrypt(m.phoneEnc), m.text));
    }
  },
});

/** Once a day: one email with the day's unread notifications for users who chose the digest. */
export const dailyDigestJob = defineJob({
  name: 'notifications.daily-digest',
  payload: z.object({}).passthrough(),
  async handle(app) {
    if (!app.notifier.mail) return;
    const since = new Date(Date.now() - 86_400_000);
    const rows = await app.db
      .select({
        accountId: notifications.accountId,
        email: accounts.email,
        locale: accounts.locale,
        title: notifications.title,
      })
      .from(notifications)
      .innerJoin(accounts, eq(accounts.id, notifications.accountId))
      .innerJoin(notificationPreferences, eq(notificationPreferences.accountId, notifications.accountId))
      .where(
        and(
          eq(notificationPreferences.dailyDigest, true),
          isNull(notifications.readAt),
          gte(notifications.createdAt, since),
        ),
      );
    const byAccount = new Map<string, { email: string | null; locale: string; titles: string[] }>();
    for (const r of rows) {
      const e = byAccount.get(r.accountId) ?? { email: r.email, locale: r.locale, titles: [] };
      e.titles.push(r.title[r.locale === 'en' ? 'en' : 'zh']);
      byAccount.set(r.accountId, e);
    }
    for (const e of byAccount.values()) {
      if (!e.email) continue;
      const subject =
        e.locale === 'en'
          ? `Minyi: ${e.titles.length} new notifications`
          : `民意：${e.titles.length} 条新通知`;
      await app.notifier.mail.send(e.email, subject, e.titles.map((t) => `• ${t}`).join('\n'));
    }
  },
});
