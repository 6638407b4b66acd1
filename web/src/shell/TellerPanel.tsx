// The teller's part of a secret vote (issue 21), whichever module holds the vote (the livelihood vote, a
// meeting's appointment or removal: each passes its own URLs), in the teller's own browser: before the vote opens, the key
// ceremony (make the key-exchange key, deal the shares, compute and download one's own share file); after
// close, the partial decryption of the totals from the uploaded share file. All of it is computed here with
// the same code as the CLI (domain/src/ballots/crypto); the share never leaves this device but as the file.
import { useState } from 'react';
import { Alert, App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  Ciphertext,
  CurveName,
  DkgDeal,
  TellerCeremonyKey,
  TellerShare,
} from '@minyi/domain/ballots/crypto';
import { problemMessage } from '../api';
import { useResource } from './components';

/** The tellers' view of a secret vote's key ceremony (GET …/ceremony of the vote's module). */
export interface Ceremony {
  voteId: string;
  status: 'draft' | 'signingIn' | 'open' | 'counting' | 'closed';
  curve: CurveName;
  maxChoices: number;
  candidates: number;
  publicKey: string | null;
  me: number | null;
  tellers: {
    index: number;
    name: string;
    ceremonyKey: string | null;
    deal: DkgDeal | null;
    partialDecryption: unknown;
  }[];
  combined: Ciphertext[] | null;
}

/** A vote's ceremony URL and the teller's three writes, from its feature's `api.ts`. */
export interface TellerEndpoints {
  ceremonyPath: string;
  postCeremonyKey(voteId: string, publicKey: string): Promise<unknown>;
  postDeal(voteId: string, deal: DkgDeal): Promise<unknown>;
  postPartialDecryption(voteId: string, partialDecryption: object): Promise<unknown>;
  /** Where this device keeps its key-exchange key until the shares are dealt (one slot per vote and teller). */
  keyPrefix: string;
}

const THRESHOLD = 2;
const TELLERS = 3;
const crypto = () => import('@minyi/domain/ballots/crypto');

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/** The panel; its texts are the livelihood feature's `teller.*` (loaded with the app), shared by every vote. */
export function TellerPanel({
  vote,
  endpoints,
  reload,
}: {
  vote: { id: string };
  endpoints: TellerEndpoints;
  reload: () => void;
}) {
  const { t } = useTranslation('livelihood');
  const { message } = App.useApp();
  const { data: c, reload: reloadCeremony } = useResource<Ceremony>(endpoints.ceremonyPath);
  const keySlot = (voteId: string, index: number) => `${endpoints.keyPrefix}.${voteId}.${index}`;
  const [busy, setBusy] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (!c || c.me == null) return null;
  const me = c.me;
  const mine = c.tellers.find((x) => x.index === me)!;
  const stored = localStorage.getItem(keySlot(vote.id, me));
  const ceremonyKey = stored ? (JSON.parse(stored) as TellerCeremonyKey) : null;
  const allKeys = c.tellers.length === TELLERS && c.tellers.every((x) => x.ceremonyKey);
  const allDeals = c.tellers.length === TELLERS && c.tellers.every((x) => x.deal);
  const decrypted = c.tellers.filter((x) => x.partialDecryption).length;
  const before = c.status === 'draft' || c.status === 'signingIn';
  const refresh = () => {
    reloadCeremony();
    reload();
  };
  const run = async (what: string, fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
      refresh();
    } catch (err) {
      message.error(problemMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const makeKey = () =>
    run('key', async () => {
      const { createCeremonyKey } = await crypto();
      const key = createCeremonyKey(c.curve, me);
      localStorage.setItem(keySlot(vote.id, me), JSON.stringify(key));
      await endpoints.postCeremonyKey(vote.id, key.publicKey);
    });
  const deal = () =>
    run('deal', async () => {
      const { dealShares } = await crypto();
      const d = dealShares({
        curve: c.curve,
        voteId: vote.id,
        threshold: THRESHOLD,
        tellers: TELLERS,
        index: me,
        ceremonyPublicKeys: c.tellers.map((x) => x.ceremonyKey!),
      });
      await endpoints.postDeal(vote.id, d);
    });
  const saveShare = () =>
    run('share', async () => {
      const { completeDkg } = await crypto();
      if (!ceremonyKey) return;
      const done = completeDkg({
        curve: c.curve,
        voteId: vote.id,
        threshold: THRESHOLD,
        tellers: TELLERS,
        me: ceremonyKey,
        deals: c.tellers.map((x) => x.deal!),
      });
      if (!done.ok) throw new Error(`${done.faultyTeller}: ${done.reason}`);
      download(`teller${me}-${vote.id.slice(0, 8)}.share`, `${JSON.stringify(done.share, null, 2)}\n`);
      localStorage.removeItem(keySlot(vote.id, me));
      setSaved(true);
    });
  const decrypt = (file: File) =>
    run('decrypt', async () => {
      const { partialDecrypt } = await crypto();
      const share = JSON.parse(await file.text()) as TellerShare;
      if (share.voteId !== vote.id || share.index !== me) throw new Error(t('teller.wrongFile'));
      await new Promise((r) => setTimeout(r, 30));
      const partialDecryption = partialDecrypt(
        {
          voteId: vote.id,
          curve: c.curve,
          publicKey: c.publicKey!,
          candidates: c.candidates,
          maxChoices: c.maxChoices,
        },
        share,
        c.combined!,
      );
      await endpoints.postPartialDecryption(vote.id, partialDecryption);
    });

  const statusOf = (x: Ceremony['tellers'][number]) =>
    x.partialDecryption ? 'decrypted' : x.deal ? 'deal' : x.ceremonyKey ? 'key' : 'pending';
  const waiting = (pred: (x: Ceremony['tellers'][number]) => boolean) =>
    c.tellers
      .filter((x) => !pred(x))
      .map((x) => x.name)
      .join('、');

  return (
    <Card
      size="small"
      title={t('teller.title', { n: me })}
      style={{ marginBottom: 16 }}
      data-testid="teller-panel"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('teller.intro')}
      </Typography.Paragraph>
      <List
        size="small"
        header={<Typography.Text strong>{t('bulletin.tellers')}</Typography.Text>}
        dataSource={c.tellers}
        renderItem={(x) => (
          <List.Item key={x.index}>
            <Space wrap size={4}>
              <span>
                {x.index}. {x.name}
              </span>
              <Tag color={statusOf(x) === 'pending' ? 'default' : 'green'}>
                {t(`teller.status.${statusOf(x)}`)}
              </Tag>
            </Space>
          </List.Item>
        )}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        {before && !mine.ceremonyKey && (
          <>
            <Typography.Text strong>{t('teller.keyStep')}</Typography.Text>
            <Button
              type="primary"
              block
              loading={busy === 'key'}
              onClick={makeKey}
              data-testid="teller-make-key"
            >
              {t('teller.makeKey')}
            </Button>
          </>
        )}
        {before && mine.ceremonyKey && !mine.deal && (
          <>
            <Alert type="success" showIcon title={t('teller.keyDone')} description={t('teller.keyKept')} />
            <Typography.Text strong>{t('teller.dealStep')}</Typography.Text>
            {!allKeys && (
              <Alert type="info" title={t('teller.waitOthers', { names: waiting((x) => !!x.ceremonyKey) })} />
            )}
            <Button
              type="primary"
              block
              disabled={!allKeys}
              loading={busy === 'deal'}
              onClick={deal}
              data-testid="teller-deal"
            >
              {t('teller.deal')}
            </Button>
          </>
        )}
        {mine.deal && !allDeals && (
          <Alert
            type="info"
            showIcon
            title={t('teller.dealDone')}
            description={t('teller.waitOthers', { names: waiting((x) => !!x.deal) })}
          />
        )}
        {mine.deal && allDeals && before && (
          <>
            <Typography.Text strong>{t('teller.shareStep')}</Typography.Text>
            {saved ? (
              <Alert type="success" showIcon title={t('teller.shareSaved')} />
            ) : ceremonyKey ? (
              <Button
                type="primary"
                block
                loading={busy === 'share'}
                onClick={saveShare}
                data-testid="teller-save-share"
              >
                {t('teller.downloadShare')}
              </Button>
            ) : (
              <Alert type="warning" showIcon title={t('teller.lostKey')} />
            )}
          </>
        )}
        {c.publicKey && (
          <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
            {t('teller.publicKey')}: <code>{c.publicKey}</code>
          </Typography.Text>
        )}
        {c.status === 'counting' && !mine.partialDecryption && (
          <>
            <Typography.Text strong>{t('teller.decryptStep')}</Typography.Text>
            {busy === 'decrypt' && <Alert type="info" showIcon title={t('teller.decrypting')} />}
            <label>
              <input
                type="file"
                accept=".share,application/json"
                data-testid="teller-share-file"
                aria-label={t('teller.upload')}
                style={{ display: 'block', maxWidth: '100%' }}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) void decrypt(f);
                  e.target.value = '';
                }}
              />
            </label>
          </>
        )}
        {c.status === 'counting' && !!mine.partialDecryption && (
          <Alert
            type="success"
            showIcon
            data-testid="teller-decrypted"
            title={t('teller.decrypted')}
            description={t('teller.waitingSecond', {
              n: decrypted,
              more: Math.max(0, THRESHOLD - decrypted),
            })}
          />
        )}
        {c.status === 'closed' && <Alert type="success" showIcon title={t('teller.tallied')} />}
      </Space>
    </Card>
  );
}
