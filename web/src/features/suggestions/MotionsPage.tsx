// Motions (议案): deputies file them with as many co-signers as the congress's level needs (地方组织法 Art. 22, 52);
// staff enter a body's motion (presidium, standing committee, special committee, government) and record the decision
// of the presidium (a motion made at a sitting) or the chairpersons' meeting (between sittings).
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, message } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { applyFieldErrors, problemMessage } from '../../api';
import { ErrorAlert, PageHeader, useResource } from '../../shell/components';
import { createMotion, decideMotion, findPublicDeputies, paths } from './api';

interface Motion {
  id: string;
  number: string;
  title: string;
  status: string;
  proposerName: string;
  signers: number;
  suggestionId: string | null;
  decisionBody: string | null;
  source: string;
  atSitting: boolean;
}

interface MotionRules {
  level: string;
  inSitting: boolean;
  threshold: { min: number; who: 'deputies' | 'standingCommitteeMembers' } | null;
  bodySources: string[];
  decisionBody: 'presidium' | 'chairpersonsMeeting';
}

export default function MotionsPage() {
  const { t } = useTranslation('suggestions');
  const { hasRole } = useAuth();
  const { data, error, reload } = useResource<{ items: Motion[] }>(paths.findMotions());
  const cats = useResource<{ items: { code: string; zh: string }[] }>(paths.findSuggestionCategories());
  const rules = useResource<MotionRules>(paths.getMotionRules());
  const staff = hasRole('congressStaff');
  const [open, setOpen] = useState(false);
  const [deputies, setDeputies] = useState<{ value: string; label: string }[]>([]);
  const [form] = Form.useForm();
  const decide = (m: Motion, decision: 'agenda' | 'asSuggestion') =>
    decideMotion(m.id, decision)
      .then(() => {
        message.success(t('done'));
        reload();
      })
      .catch((e) => message.error(problemMessage(e)));
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }}>
      <PageHeader
        title={t('motions.title')}
        extra={
          (hasRole('deputy') || (staff && (rules.data?.bodySources.length ?? 0) > 0)) && (
            <Button type="primary" onClick={() => setOpen(true)} data-testid="new-motion">
              {t('motions.new')}
            </Button>
          )
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card size="small">
        <Table<Motion>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data?.items ?? []}
          columns={[
            { title: t('fields.number'), dataIndex: 'number', width: 220 },
            {
              title: t('fields.title'),
              dataIndex: 'title',
              width: 280,
              render: (v, m) => (m.suggestionId ? <Link to={`/suggestions/${m.suggestionId}`}>{v}</Link> : v),
            },
            {
              title: t('motions.source'),
              dataIndex: 'source',
              width: 120,
              render: (v: string, m) => (v === 'deputies' ? m.proposerName : t(`motions.sources.${v}`)),
            },
            { title: t('motions.signers'), dataIndex: 'signers', width: 80 },
            {
              title: t('motions.decidedBy'),
              key: 'body',
              width: 110,
              render: (_: unknown, m) => t(`motions.${m.atSitting ? 'presidium' : 'chairpersonsMeeting'}`),
            },
            {
              title: t('fields.status'),
              dataIndex: 'status',
              width: 140,
              render: (v) => <Tag>{t(`motions.status.${v}`)}</Tag>,
            },
            ...(staff
              ? [
                  {
                    title: t('motions.decide'),
                    key: 'd',
                    width: 220,
                    render: (_: unknown, m: Motion) =>
                      m.status === 'submitted' && (
                        <Space>
                          <Button size="small" onClick={() => decide(m, 'agenda')}>
                            {t('motions.agenda')}
                          </Button>
                          <Button size="small" onClick={() => decide(m, 'asSuggestion')}>
                            {t('motions.asSuggestion')}
                          </Button>
                        </Space>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Modal
        open={open}
        title={t('motions.new')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async (v) => {
            try {
              const source = (v.source as string | undefined) ?? 'deputies';
              await createMotion({
                ...v,
                source,
                signerIds: source === 'deputies' ? (v.signerIds ?? []) : [],
              });
              setOpen(false);
              reload();
            } catch (err) {
              if (!applyFieldErrors(form, err)) message.error(problemMessage(err));
            }
          }}
        >
          {staff ? (
            <>
              <Form.Item
                name="source"
                label={t('motions.source')}
                rules={[{ required: true }]}
                initialValue={rules.data?.bodySources[0]}
              >
                <Select
                  data-testid="motion-source"
                  options={(rules.data?.bodySources ?? []).map((x) => ({
                    value: x,
                    label: t(`motions.sources.${x}`),
                  }))}
                />
              </Form.Item>
              <Alert type="info" showIcon title={t('motions.bodyHint')} style={{ marginBottom: 12 }} />
            </>
          ) : (
            rules.data && (
              <Alert
                type={rules.data.threshold ? 'info' : 'warning'}
                showIcon
                style={{ marginBottom: 12 }}
                data-testid="motion-threshold"
                title={
                  rules.data.threshold
                    ? t(
                        rules.data.threshold.who === 'deputies'
                          ? 'motions.thresholdDeputies'
                          : 'motions.thresholdMembers',
                        { min: rules.data.threshold.min },
                      )
                    : t('motions.noMotions')
                }
              />
            )
          )}
          <Form.Item name="title" label={t('fields.title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('fields.category')} rules={[{ required: true }]}>
            <Select options={(cats.data?.items ?? []).map((c) => ({ value: c.code, label: c.zh }))} />
          </Form.Item>
          <Form.Item name="content" label={t('fields.content')} rules={[{ required: true }]}>
            <Input.TextArea rows={5} />
          </Form.Item>
          <Form.Item name="signerIds" label={t('motions.signers')} hidden={staff}>
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              options={deputies}
              onSearch={async (q) => {
                if (!q) return;
                const res = await findPublicDeputies(q);
                setDeputies(res.items.map((d) => ({ value: d.id, label: d.name })));
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
