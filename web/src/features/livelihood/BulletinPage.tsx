// The public bulletin of a secret vote (issue 21), after the tellers have decrypted the totals: the totals,
// the tellers, every encrypted ballot by its receipt (a deputy finds theirs), and "verify this count", which
// runs the same verifier as `npm run vote:verify` (verifyBulletin, domain/src/ballots/crypto) in the browser.
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, List, Space, Table, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Bulletin } from '@minyi/domain/ballots/crypto';
import { ApiError } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { paths } from './api';

export default function BulletinPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('livelihood');
  const { data: b, error, reload } = useResource<Bulletin>(paths.getProjectVoteBulletin(id));
  const [receipt, setReceipt] = useState(params.get('receipt') ?? '');
  const [check, setCheck] = useState<{ ok: boolean; text: string } | null>(null);
  const [verifying, setVerifying] = useState(false);
  const at = useMemo(
    () => (b && receipt.trim() ? b.ballots.findIndex((x) => x.receipt === receipt.trim().toLowerCase()) : -1),
    [b, receipt],
  );
  if (error instanceof ApiError && error.status === 409)
    return (
      <div style={{ maxWidth: 720, margin: '0 auto' }}>
        <PageHeader title={t('bulletin.title')} />
        <Alert type="info" showIcon title={t('bulletin.notYet')} />
      </div>
    );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!b) return null;
  const verify = async () => {
    setVerifying(true);
    setCheck(null);
    await new Promise((r) => setTimeout(r, 30));
    try {
      const { verifyBulletin } = await import('@minyi/domain/ballots/crypto');
      const r = verifyBulletin(b);
      setCheck(
        r.ok
          ? { ok: true, text: t('bulletin.verified', { n: b.ballots.length }) }
          : { ok: false, text: t('bulletin.failed', { fault: r.fault }) },
      );
    } finally {
      setVerifying(false);
    }
  };
  const rows = b.candidates.map((c) => ({
    key: c.id,
    name: c.name,
    electronic: b.tally.electronicTotals[c.id] ?? 0,
    paper: b.tally.paperTotals?.[c.id] ?? 0,
    total: b.tally.totals[c.id] ?? 0,
  }));
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={t('bulletin.title')} />
      <Typography.Paragraph type="secondary">{t('bulletin.intro')}</Typography.Paragraph>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button
            type="primary"
            block
            size="large"
            loading={verifying}
            onClick={verify}
            data-testid="verify-count"
          >
            {verifying ? t('bulletin.verifying') : t('bulletin.verify')}
          </Button>
          {check && (
            <Alert
              type={check.ok ? 'success' : 'error'}
              showIcon
              data-testid="verify-result"
              title={check.text}
            />
          )}
          <Button
            block
            onClick={() => {
              const url = URL.createObjectURL(
                new Blob([JSON.stringify(b, null, 2)], { type: 'application/json' }),
              );
              const a = document.createElement('a');
              a.href = url;
              a.download = `bulletin-${b.voteId.slice(0, 8)}.json`;
              a.click();
              URL.revokeObjectURL(url);
            }}
          >
            {t('bulletin.download')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('bulletin.cli')}
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title={t('bulletin.find')} style={{ marginBottom: 16 }}>
        <Input
          aria-label={t('bulletin.receipt')}
          placeholder={t('bulletin.receipt')}
          value={receipt}
          onChange={(e) => setReceipt(e.target.value)}
          data-testid="bulletin-receipt"
          style={{ fontFamily: 'monospace' }}
          allowClear
        />
        {receipt.trim() && (
          <Alert
            style={{ marginTop: 12 }}
            showIcon
            data-testid="bulletin-receipt-answer"
            type={at >= 0 ? 'success' : 'warning'}
            title={
              at >= 0 ? t('bulletin.found', { n: at + 1, total: b.ballots.length }) : t('bulletin.notFound')
            }
          />
        )}
      </Card>
      <Card size="small" title={t('bulletin.totals')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            // The names wrap, so that the four columns fit a phone's width without scrolling sideways.
            { title: t('bulletin.candidate'), dataIndex: 'name' },
            { title: t('bulletin.electronic'), dataIndex: 'electronic', align: 'right' },
            { title: t('bulletin.paperShort'), dataIndex: 'paper', align: 'right' },
            { title: t('results.votes'), dataIndex: 'total', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={t('bulletin.tellers')} style={{ marginBottom: 16 }}>
        <List
          size="small"
          dataSource={b.tellers}
          renderItem={(x) => (
            <List.Item key={x.index}>
              {x.index}. {x.name}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('bulletin.ballots', { n: b.ballots.length })}>
        <List
          size="small"
          dataSource={b.ballots}
          pagination={{ pageSize: 20, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
          renderItem={(x) => (
            <List.Item key={x.receipt}>
              <Typography.Text
                style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}
                mark={x.receipt === receipt.trim().toLowerCase()}
              >
                {x.receipt}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
