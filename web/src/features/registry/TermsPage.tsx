// Terms (届) and sittings (次会议): create, and open/close a sitting (planned → inSession → closed).
import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Select,
  Switch,
  Table,
  Tag,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { SITTING_TRANSITIONS, type SittingStatus } from '@minyi/domain/registry';
import { problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { closeSitting, createTerm, openSitting, paths, scheduleSitting } from './api';
import { FormModal } from '../../shell/FormModal';
import { useCanWriteRegistry, useTerms, type Term } from './shared';

interface Sitting {
  id: string;
  termId: string;
  number: number;
  startDate: string;
  endDate: string;
  status: SittingStatus;
}

const SITTING_COLORS: Record<SittingStatus, string> = {
  planned: 'blue',
  inSession: 'red',
  closed: 'default',
};

interface PeriodValues {
  number: number;
  period: [Dayjs, Dayjs];
  termId?: string;
  isCurrent?: boolean;
}

function PeriodModal({
  kind,
  open,
  terms,
  onClose,
  onSaved,
}: {
  kind: 'term' | 'sitting';
  open: boolean;
  terms: Term[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('registry');
  const [form] = Form.useForm<PeriodValues>();
  const save = async (v: PeriodValues) => {
    const dates = {
      startDate: v.period[0].format('YYYY-MM-DD'),
      endDate: v.period[1].format('YYYY-MM-DD'),
    };
    if (kind === 'term') await createTerm({ number: v.number, ...dates, isCurrent: !!v.isCurrent });
    else await scheduleSitting({ termId: v.termId, number: v.number, ...dates });
  };
  const current = terms.find((x) => x.isCurrent);
  return (
    <FormModal
      form={form}
      open={open}
      title={kind === 'term' ? t('terms.createTerm') : t('terms.createSitting')}
      initialValues={{ termId: current?.id, number: 1 }}
      save={save}
      onSaved={onSaved}
      onClose={onClose}
      resetAfterSave
      destroyOnHidden
    >
      {kind === 'sitting' && (
        <Form.Item name="termId" label={t('terms.term')} rules={[{ required: true }]}>
          <Select
            options={terms.map((x) => ({ value: x.id, label: t('terms.termN', { number: x.number }) }))}
          />
        </Form.Item>
      )}
      <Form.Item name="number" label={t('terms.number')} rules={[{ required: true }]}>
        <InputNumber min={1} max={99} />
      </Form.Item>
      <Form.Item
        name="period"
        label={`${t('terms.startDate')} – ${t('terms.endDate')}`}
        rules={[{ required: true }]}
      >
        <DatePicker.RangePicker />
      </Form.Item>
      {kind === 'term' && (
        <Form.Item name="isCurrent" label={t('terms.current')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}

export default function TermsPage() {
  const { t } = useTranslation('registry');
  const { message } = AntApp.useApp();
  const canWrite = useCanWriteRegistry();
  const terms = useTerms();
  const [termId, setTermId] = useState<string | undefined>();
  const sittings = useResource<{ items: Sitting[] }>(paths.findSittings(termId));
  const [creating, setCreating] = useState<'term' | 'sitting' | null>(null);
  const termItems = terms.data?.items ?? [];
  const termNumber = (id: string) => termItems.find((x) => x.id === id)?.number;

  const step = async (s: Sitting, action: 'open' | 'close') => {
    try {
      await (action === 'open' ? openSitting : closeSitting)(s.id);
      void message.success(t('common:actions.done'));
      sittings.reload();
    } catch (err) {
      void message.error(problemMessage(err));
    }
  };

  return (
    <div>
      <PageHeader title={t('terms.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={t('terms.terms')}
            extra={
              canWrite && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating('term')}>
                  {t('terms.createTerm')}
                </Button>
              )
            }
          >
            <ErrorAlert error={terms.error} onRetry={terms.reload} />
            <Table<Term>
              rowKey="id"
              size="small"
              loading={terms.loading}
              dataSource={termItems}
              pagination={false}
              onRow={(r) => ({
                onClick: () => setTermId(r.id === termId ? undefined : r.id),
                style: { cursor: 'pointer' },
              })}
              rowClassName={(r) => (r.id === termId ? 'ant-table-row-selected' : '')}
              columns={[
                {
                  title: t('terms.term'),
                  dataIndex: 'number',
                  render: (n: number, r) => (
                    <>
                      {t('terms.termN', { number: n })}{' '}
                      {r.isCurrent && <Tag color="red">{t('terms.current')}</Tag>}
                    </>
                  ),
                },
                { title: t('terms.startDate'), dataIndex: 'startDate' },
                { title: t('terms.endDate'), dataIndex: 'endDate' },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={`${t('terms.sittings')}${termId ? ` · ${t('terms.termN', { number: termNumber(termId) })}` : ''}`}
            extra={
              canWrite && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating('sitting')}>
                  {t('terms.createSitting')}
                </Button>
              )
            }
          >
            <ErrorAlert error={sittings.error} onRetry={sittings.reload} />
            <Table<Sitting>
              rowKey="id"
              size="small"
              loading={sittings.loading}
              dataSource={sittings.data?.items ?? []}
              pagination={false}
              scroll={{ x: 560 }}
              columns={[
                {
                  title: t('terms.sittings'),
                  key: 'n',
                  render: (_, s) =>
                    `${t('terms.termN', { number: termNumber(s.termId) ?? '?' })} ${t('terms.sittingN', { number: s.number })}`,
                },
                { title: t('terms.startDate'), dataIndex: 'startDate', width: 110 },
                { title: t('terms.endDate'), dataIndex: 'endDate', width: 110 },
                {
                  title: t('common:fields.status'),
                  dataIndex: 'status',
                  width: 100,
                  render: (st: SittingStatus) => (
                    <Tag color={SITTING_COLORS[st]}>{t(`sittingStatus.${st}`)}</Tag>
                  ),
                },
                ...(canWrite
                  ? [
                      {
                        key: 'a',
                        width: 80,
                        render: (_: unknown, s: Sitting) =>
                          s.status === SITTING_TRANSITIONS.open.from ? (
                            <Popconfirm title={t('terms.openConfirm')} onConfirm={() => void step(s, 'open')}>
                              <Button size="small" type="link">
                                {t('terms.open')}
                              </Button>
                            </Popconfirm>
                          ) : s.status === SITTING_TRANSITIONS.close.from ? (
                            <Popconfirm
                              title={t('terms.closeConfirm')}
                              onConfirm={() => void step(s, 'close')}
                            >
                              <Button size="small" type="link" danger>
                                {t('terms.close')}
                              </Button>
                            </Popconfirm>
                          ) : null,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <PeriodModal
        kind={creating ?? 'term'}
        open={!!creating}
        terms={termItems}
        onClose={() => setCreating(null)}
        onSaved={() => {
          if (creating === 'term') terms.reload();
          else sittings.reload();
          setCreating(null);
        }}
      />
    </div>
  );
}
