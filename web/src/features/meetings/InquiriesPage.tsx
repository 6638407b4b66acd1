// Inquiries (质询案): staff and leaders see all, a member those they signed. Staff file one from the filers'
// signed text: the meeting, the organ questioned, the matter, and the members who signed (3 or more at the
// standing committee, 地方组织法 Art. 53).
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList, useResource } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { fileInquiry, paths } from './api';
import { INQUIRY_STATUS_COLOR, type InquirySummary, type MeetingDetail, type MeetingSummary } from './types';

interface FileValues {
  meetingId: string;
  organ: string;
  subject: string;
  content: string;
  filerIds: string[];
}

export default function InquiriesPage() {
  const { t } = useTranslation('meetings');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [filing, setFiling] = useState(false);
  const [form] = Form.useForm<FileValues>();
  const meetingId = Form.useWatch('meetingId', form);
  const list = usePagedList<InquirySummary>(paths.findInquiries(), {});
  const meetings = usePagedList<MeetingSummary>(filing ? paths.findMeetings() : null, {});
  const meeting = useResource<MeetingDetail>(filing && meetingId ? paths.getMeeting(meetingId) : null);

  return (
    <ListPage<InquirySummary>
      title={t('inquiry.title')}
      extra={
        hasRole('congressStaff') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
            {t('inquiry.file')}
          </Button>
        )
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        {
          title: t('inquiry.subject'),
          key: 'subject',
          render: (_, r) => <Link to={`/inquiries/${r.id}`}>{r.subject}</Link>,
        },
        { title: t('inquiry.organ'), dataIndex: 'organ', key: 'organ' },
        {
          title: t('appointments.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={INQUIRY_STATUS_COLOR[r.status]}>{t(`inquiryStatus.${r.status}`)}</Tag>
          ),
        },
        { title: t('inquiry.filers'), dataIndex: 'filers', key: 'filers' },
        { title: t('inquiry.meeting'), dataIndex: 'meetingTitle', key: 'meeting' },
      ]}
    >
      <FormModal<FileValues, { id: string }>
        form={form}
        open={filing}
        title={t('inquiry.file')}
        values={null}
        destroyOnHidden
        save={(v, key) => fileInquiry(v, key)}
        onSaved={(r) => {
          setFiling(false);
          void nav(`/inquiries/${r.id}`);
        }}
        onClose={() => setFiling(false)}
      >
        <Form.Item name="meetingId" label={t('inquiry.meeting')} rules={[{ required: true }]}>
          <Select
            options={meetings.items
              .filter((m) => m.body !== 'chairpersonsMeeting')
              .map((m) => ({ value: m.id, label: m.title }))}
          />
        </Form.Item>
        <Form.Item name="organ" label={t('inquiry.organ')} rules={[{ required: true, max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="subject" label={t('inquiry.subject')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label={t('inquiry.content')} rules={[{ required: true, max: 8000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item
          name="filerIds"
          label={t('inquiry.filers')}
          extra={t('inquiry.filersHelp')}
          rules={[{ required: true, type: 'array', min: 3 }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(meeting.data?.roll ?? []).map((m) => ({ value: m.deputyId, label: m.name }))}
          />
        </Form.Item>
      </FormModal>
    </ListPage>
  );
}
