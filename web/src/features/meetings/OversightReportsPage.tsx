// Work reports under oversight (监督法 Art. 17) for staff and leaders: each report heard, where its loop stands,
// and a handling report late (received after its due day, or still awaited past it) flagged. Congress staff
// follow a heard report: the meeting, then its report item.
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList, useResource } from '../../shell/components';
import { openOversightReport, paths } from './api';
import { FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import {
  OVERSIGHT_STATUS_COLOR,
  type MeetingDetail,
  type MeetingSummary,
  type OversightStatus,
  type OversightSummary,
} from './types';

export default function OversightReportsPage() {
  const { t } = useTranslation('meetings');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [status, setStatus] = useState<OversightStatus | undefined>();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ meetingId: string; agendaItemId: string; organ: string }>();
  const meetingId = Form.useWatch('meetingId', form);
  const list = usePagedList<OversightSummary>(paths.findOversightReports(), { status });
  const meetings = usePagedList<MeetingSummary>(opening ? paths.findMeetings() : null, {
    body: 'standingCommittee',
  });
  const meeting = useResource<MeetingDetail>(opening && meetingId ? paths.getMeeting(meetingId) : null);

  return (
    <ListPage<OversightSummary>
      title={t('oversight.title')}
      extra={
        hasRole('congressStaff') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            {t('oversight.open')}
          </Button>
        )
      }
      filters={
        <FilterSelect<OversightStatus>
          label={t('appointments.status')}
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.keys(OVERSIGHT_STATUS_COLOR).map((s) => ({
            value: s as OversightStatus,
            label: t(`oversightStatus.${s}`),
          }))}
        />
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        {
          title: t('oversight.report'),
          key: 'title',
          render: (_, r) => (
            <Link to={`/oversight-reports/${r.id}`}>
              {r.organ} · {r.title}
            </Link>
          ),
        },
        {
          title: t('appointments.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={OVERSIGHT_STATUS_COLOR[r.status]}>{t(`oversightStatus.${r.status}`)}</Tag>
          ),
        },
        {
          title: t('oversight.due'),
          key: 'due',
          render: (_, r) =>
            r.handlingDueOn ? (
              <>
                {r.handlingDueOn}
                {r.handlingLate && (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    {t('oversight.late')}
                  </Tag>
                )}
              </>
            ) : (
              '—'
            ),
        },
        { title: t('oversight.heardOn'), dataIndex: 'heardOn', key: 'heardOn', responsive: ['md'] },
      ]}
    >
      <FormModal<{ meetingId: string; agendaItemId: string; organ: string }, { id: string }>
        form={form}
        open={opening}
        title={t('oversight.open')}
        values={null}
        initialValues={{ organ: '区人民政府' }}
        save={({ agendaItemId, organ }, key) => openOversightReport({ agendaItemId, organ }, key)}
        onSaved={(r) => {
          setOpening(false);
          void nav(`/oversight-reports/${r.id}`);
        }}
        onClose={() => setOpening(false)}
      >
        <Form.Item name="meetingId" label={t('appointments.meeting')} rules={[{ required: true }]}>
          <Select
            options={meetings.items
              .filter((m) => m.status !== 'planned')
              .map((m) => ({ value: m.id, label: `${m.date} ${m.title}` }))}
          />
        </Form.Item>
        <Form.Item name="agendaItemId" label={t('oversight.report')} rules={[{ required: true }]}>
          <Select
            options={(meeting.data?.agenda ?? [])
              .filter((i) => i.kind === 'report')
              .map((i) => ({ value: i.id, label: i.title }))}
          />
        </Form.Item>
        <Form.Item name="organ" label={t('oversight.organ')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
