// Appointment and removal cases (任免案) for staff and leaders: the list, newest filed first, with the statutory
// deadline of the new government's department heads (地方组织法 Art. 71) and a late filing flagged; congress
// staff file a case from its nominating organ's letter.
import { useState } from 'react';
import { Button, Checkbox, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import { fileAppointment, paths } from './api';
import { FilterSelect, ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import {
  APPOINTMENT_KINDS,
  APPOINTMENT_STATUS_COLOR,
  NOMINATING_ORGANS,
  type AppointmentStatus,
  type AppointmentSummary,
} from './types';

interface NewCase {
  kind: string;
  nominatingOrgan: string;
  nomineeName: string;
  post: string;
  organization: string;
  reasons: string;
  cv?: string;
  acting?: boolean;
  electedOn?: string;
}

export default function AppointmentsPage() {
  const { t } = useTranslation('meetings');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [status, setStatus] = useState<AppointmentStatus | undefined>();
  const [filing, setFiling] = useState(false);
  const [form] = Form.useForm<NewCase>();
  const kind = Form.useWatch('kind', form);
  const list = usePagedList<AppointmentSummary>(paths.findAppointments(), { status });

  return (
    <ListPage<AppointmentSummary>
      title={t('appointments.title')}
      extra={
        hasRole('congressStaff') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFiling(true)}>
            {t('appointments.file')}
          </Button>
        )
      }
      filters={
        <FilterSelect<AppointmentStatus>
          label={t('appointments.status')}
          allowClear
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={Object.keys(APPOINTMENT_STATUS_COLOR).map((s) => ({
            value: s as AppointmentStatus,
            label: t(`appointmentStatus.${s}`),
          }))}
        />
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        {
          title: t('appointments.case'),
          key: 'case',
          render: (_, a) => (
            <Link to={`/appointments/${a.id}`}>
              {t(`appointmentKind.${a.kind}`)} · {a.nomineeName} · {a.post}
              {a.acting && ` (${t('register.acting')})`}
            </Link>
          ),
        },
        {
          title: t('appointments.status'),
          key: 'status',
          render: (_, a) => (
            <Tag color={APPOINTMENT_STATUS_COLOR[a.status]}>{t(`appointmentStatus.${a.status}`)}</Tag>
          ),
        },
        {
          title: t('appointments.filedOn'),
          key: 'filedOn',
          render: (_, a) => (
            <>
              {a.filedOn}
              {a.filedLate && (
                <Tag color="red" style={{ marginInlineStart: 4 }}>
                  {t('appointments.late', { date: a.deadlineOn })}
                </Tag>
              )}
            </>
          ),
        },
        {
          title: t('appointments.meeting'),
          key: 'meeting',
          responsive: ['md'],
          render: (_, a) =>
            a.meeting ? <Link to={`/meetings/${a.meeting.id}`}>{a.meeting.title}</Link> : '—',
        },
      ]}
    >
      <FormModal<NewCase, { id: string }>
        form={form}
        open={filing}
        title={t('appointments.file')}
        values={null}
        initialValues={{ kind: 'appoint', nominatingOrgan: 'districtHead' }}
        width={640}
        save={(v, key) => fileAppointment(v, key)}
        onSaved={(r) => {
          setFiling(false);
          void nav(`/appointments/${r.id}`);
        }}
        onClose={() => setFiling(false)}
      >
        <Form.Item name="kind" label={t('appointments.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="case-kind"
            options={APPOINTMENT_KINDS.map((k) => ({ value: k, label: t(`appointmentKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="nominatingOrgan" label={t('appointments.organ')} rules={[{ required: true }]}>
          <Select options={NOMINATING_ORGANS.map((k) => ({ value: k, label: t(`organ.${k}`) }))} />
        </Form.Item>
        <Form.Item name="nomineeName" label={t('appointments.nominee')} rules={[{ required: true }]}>
          <Input maxLength={60} data-testid="case-nominee" />
        </Form.Item>
        <Form.Item name="post" label={t('register.post')} rules={[{ required: true }]}>
          <Input maxLength={100} data-testid="case-post" />
        </Form.Item>
        <Form.Item name="organization" label={t('appointments.organization')} rules={[{ required: true }]}>
          <Input maxLength={120} data-testid="case-organization" />
        </Form.Item>
        <Form.Item name="reasons" label={t('appointments.reasons')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="case-reasons" />
        </Form.Item>
        {kind === 'appoint' && (
          <>
            <Form.Item name="cv" label={t('appointments.cv')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} maxLength={4000} data-testid="case-cv" />
            </Form.Item>
            <Form.Item
              name="electedOn"
              label={t('appointments.electedOn')}
              extra={t('appointments.electedOnHelp')}
            >
              <Input type="date" />
            </Form.Item>
            <Form.Item name="acting" valuePropName="checked">
              <Checkbox>{t('appointments.acting')}</Checkbox>
            </Form.Item>
          </>
        )}
      </FormModal>
    </ListPage>
  );
}
