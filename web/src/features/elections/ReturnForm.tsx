// A district's return entered by two tellers independently: each fills every figure and every candidate's
// votes; the agreed return is posted only when both entries are complete and equal (the API takes the one
// agreed return). For a runoff, the runoff's candidates only; for a re-vote, the tied only.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Col, InputNumber, Modal, Row, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../api';
import { enterElectionReturn } from './api';
import type { District } from './types';

const FIGURES = ['registered', 'participated', 'ballotsIssued', 'ballotsReturned', 'void', 'others'] as const;
type Entry = Record<string, number | null>;

export function ReturnForm({
  electionId,
  district,
  round,
  onClose,
  onSaved,
}: {
  electionId: string;
  district: District;
  round: 'first' | 'runoff' | 'revote';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('elections');
  const { message } = App.useApp();
  const candidates =
    round === 'runoff'
      ? district.candidates.filter((c) => district.result?.runoff?.candidates.includes(c.id))
      : round === 'revote'
        ? district.candidates.filter((c) => district.result?.revote?.candidates.includes(c.id))
        : district.candidates;
  const keys = [...FIGURES, ...candidates.map((c) => c.id)];
  const [a, setA] = useState<Entry>({});
  const [b, setB] = useState<Entry>({});
  const [busy, setBusy] = useState(false);
  const label = (k: string) =>
    (FIGURES as readonly string[]).includes(k)
      ? t(`ret.${k}`)
      : (candidates.find((c) => c.id === k)?.name ?? k);

  const check = useMemo(() => {
    const complete = keys.every((k) => typeof a[k] === 'number' && typeof b[k] === 'number');
    const differ = keys.filter((k) => typeof a[k] === 'number' && typeof b[k] === 'number' && a[k] !== b[k]);
    return { complete, differ };
  }, [a, b, keys]);

  const submit = async () => {
    setBusy(true);
    try {
      await enterElectionReturn(electionId, district.id, {
        round,
        registered: a.registered,
        participated: a.participated,
        ballotsIssued: a.ballotsIssued,
        ballotsReturned: a.ballotsReturned,
        void: a.void,
        others: a.others,
        votes: Object.fromEntries(candidates.map((c) => [c.id, a[c.id]])),
      });
      onSaved();
    } catch (err) {
      void message.error(problemMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const column = (who: 'A' | 'B', entry: Entry, set: (e: Entry) => void) => (
    <Col xs={24} md={12}>
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t(who === 'A' ? 'ret.tellerA' : 'ret.tellerB')}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }} size={6}>
        {keys.map((k) => (
          <label
            key={k}
            style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'center' }}
          >
            <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{label(k)}</span>
            <InputNumber
              min={0}
              precision={0}
              value={entry[k] ?? null}
              onChange={(v) => set({ ...entry, [k]: typeof v === 'number' ? v : null })}
              aria-label={`${t(who === 'A' ? 'ret.tellerA' : 'ret.tellerB')} ${label(k)}`}
              data-testid={`teller-${who}-${FIGURES.includes(k as never) ? k : `c${candidates.findIndex((c) => c.id === k)}`}`}
              style={{ width: 130 }}
            />
          </label>
        ))}
      </Space>
    </Col>
  );

  return (
    <Modal
      open
      title={t(round === 'first' ? 'ret.title' : `ret.${round}Title`, { name: district.name })}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={
        <Button
          type="primary"
          disabled={!check.complete || check.differ.length > 0}
          loading={busy}
          onClick={() => void submit()}
          data-testid="submit-return"
        >
          {t('ret.submit')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('ret.hint')}</Typography.Paragraph>
      <Row gutter={[24, 16]}>
        {column('A', a, setA)}
        {column('B', b, setB)}
      </Row>
      <div style={{ marginTop: 16 }} data-testid="return-agreement">
        {check.differ.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('ret.differ', { fields: check.differ.map(label).join('、') })}
          />
        ) : check.complete ? (
          <Alert type="success" showIcon title={t('ret.agreed')} />
        ) : (
          <Alert type="info" showIcon title={t('ret.incomplete')} />
        )}
      </div>
    </Modal>
  );
}
