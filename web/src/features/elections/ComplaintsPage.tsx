// Complaints against an election's voter lists (申诉, 选举法 Art. 29): recorded within 5 days of a district's
// publication, each with the day the election committee must decide by (3 days) and whether it is late, and
// the committee's decision (upheld or dismissed, with its reasons).
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { formatDate, shanghaiToday } from '../../shell/datetime';
import { decideElectionComplaint, fileElectionComplaint, paths } from './api';
import type { Complaint, ElectionDetail } from './types';

interface NewComplaint {
  districtId: string;
  complainant: string;
  subject: string;
  filedOn: string;
}
interface Decision {
  decision: 'upheld' | 'dismissed';
  text: string;
  decidedOn: string;
}

export default function ComplaintsPage() {
  const { id } = useParams();
  const { t } = useTranslation('elections');
  const { data: e } = useResource<ElectionDetail>(paths.getElection(id));
  const res = useResource<{ items: Complaint[]; abilities: Record<string, boolean> }>(
    paths.findElectionComplaints(id),
  );
  const [filing, setFiling] = useState(false);
  const [deciding, setDeciding] = useState<Complaint | null>(null);
  const [fileForm] = Form.useForm<NewComplaint>();
  const [decideForm] = Form.useForm<Decision>();
  const can = res.data?.abilities ?? {};

  return (
    <ListPage<Complaint>
      title={t('complaints.title')}
      sub={e && <Link to={`/elections/${e.id}`}>{e.title}</Link>}
      extra={
        can.fileComplaint && (
          <Button icon={<PlusOutlined />} onClick={() => setFiling(true)} data-testid="file-complaint">
            {t('complaints.file')}
          </Button>
        )
      }
      list={{
        items: res.data?.items ?? [],
        loading: res.loading,
        error: res.error,
        reload: res.reload,
      }}
      scroll={{ x: 900 }}
      actionsWidth={100}
      columns={[
        {
          title: t('complaints.filedOn'),
          key: 'filedOn',
          render: (_, c) => formatDate(c.filedOn),
          width: 110,
        },
        { title: t('register.district'), dataIndex: 'district', key: 'district' },
        { title: t('complaints.complainant'), dataIndex: 'complainant', key: 'complainant' },
        { title: t('complaints.subject'), dataIndex: 'subject', key: 'subject' },
        {
          title: t('complaints.decision'),
          key: 'decision',
          render: (_, c) => (
            <>
              {c.decision ? (
                <Tag color={c.decision === 'upheld' ? 'green' : 'default'}>
                  {t(`complaints.${c.decision}`)} · {formatDate(c.decidedOn)}
                </Tag>
              ) : (
                <Tag color={c.late ? 'red' : 'gold'}>
                  {t('complaints.due', { date: formatDate(c.decisionDue) })}
                </Tag>
              )}
              {c.decision && c.late && <Tag color="orange">{t('state.doneLate')}</Tag>}
              {c.decisionText && <div>{c.decisionText}</div>}
            </>
          ),
        },
      ]}
      actions={(c) =>
        can.decideComplaint && !c.decision ? (
          <Button type="link" size="small" onClick={() => setDeciding(c)} data-testid="decide-complaint">
            {t('complaints.decide')}
          </Button>
        ) : null
      }
    >
      <FormModal<NewComplaint, { id: string }>
        form={fileForm}
        open={filing}
        title={t('complaints.file')}
        values={null}
        initialValues={{ filedOn: shanghaiToday() }}
        save={(v, key) => fileElectionComplaint(id!, v, key)}
        onSaved={() => {
          setFiling(false);
          res.reload();
        }}
        onClose={() => setFiling(false)}
      >
        <Form.Item
          name="districtId"
          label={t('register.district')}
          extra={t('complaints.windowHint')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Select
            options={e?.districts.map((d) => ({
              value: d.id,
              label: d.voterListPublishedOn
                ? `${d.name} · ${t('complaints.publishedOn', { date: formatDate(d.voterListPublishedOn) })}`
                : d.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="complainant"
          label={t('complaints.complainant')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('complaints.subject')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
        <Form.Item name="filedOn" label={t('complaints.filedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>

      <FormModal<Decision, unknown>
        form={decideForm}
        open={!!deciding}
        title={t('complaints.decide')}
        values={null}
        initialValues={{ decision: 'upheld', decidedOn: shanghaiToday() }}
        save={(v) => decideElectionComplaint(id!, deciding!.id, v)}
        onSaved={() => {
          setDeciding(null);
          res.reload();
        }}
        onClose={() => setDeciding(null)}
      >
        <Form.Item name="decision" label={t('complaints.decision')} rules={[{ required: true }]}>
          <Select
            options={(['upheld', 'dismissed'] as const).map((d) => ({
              value: d,
              label: t(`complaints.${d}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('complaints.decisionText')}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <Input.TextArea maxLength={1000} rows={3} />
        </Form.Item>
        <Form.Item name="decidedOn" label={t('complaints.decidedOn')} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
