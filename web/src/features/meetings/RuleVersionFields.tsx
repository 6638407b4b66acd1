// The fields of one version of a rule (议事规则与工作制度), shared by the "new rule" and "revise" dialogs: the date
// it was adopted, the text, what changed, and optionally the adopting meeting (of the adopting body) and its
// agenda item.
import { Form, Input, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePagedList, useResource } from '../../shell/components';
import { paths } from './api';
import type { MeetingDetail, MeetingSummary } from './types';

export interface RuleVersionValues {
  adoptedOn: string;
  content: string;
  note?: string;
  meetingId?: string;
  agendaItemId?: string;
}

export function RuleVersionFields({
  form,
  body,
  open,
  noteRequired,
}: {
  form: FormInstance;
  /** The adopting body: only its meetings are offered. */
  body: string | undefined;
  open: boolean;
  noteRequired?: boolean;
}) {
  const { t } = useTranslation('meetings');
  const meetingId = Form.useWatch('meetingId', form) as string | undefined;
  const meetings = usePagedList<MeetingSummary>(open && body ? paths.findMeetings() : null, { body });
  const meeting = useResource<MeetingDetail>(open && meetingId ? paths.getMeeting(meetingId) : null);
  return (
    <>
      <Form.Item name="adoptedOn" label={t('rulesRegister.adoptedOn')} rules={[{ required: true }]}>
        <Input type="date" data-testid="rule-adopted-on" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t(noteRequired ? 'rulesRegister.note' : 'rulesRegister.firstNote')}
        rules={[{ required: noteRequired, max: 2000 }]}
      >
        <Input.TextArea rows={2} data-testid="rule-note" />
      </Form.Item>
      <Form.Item name="content" label={t('rulesRegister.content')} rules={[{ required: true, max: 60000 }]}>
        <Input.TextArea rows={8} data-testid="rule-content" />
      </Form.Item>
      <Form.Item name="meetingId" label={t('rulesRegister.meeting')} extra={t('rulesRegister.meetingHelp')}>
        <Select
          allowClear
          data-testid="rule-meeting"
          disabled={!body}
          onChange={() => form.setFieldValue('agendaItemId', undefined)}
          options={meetings.items.map((m) => ({ value: m.id, label: `${m.title} · ${m.date}` }))}
        />
      </Form.Item>
      <Form.Item name="agendaItemId" label={t('rulesRegister.agendaItem')}>
        <Select
          allowClear
          disabled={!meetingId}
          options={(meeting.data?.agenda ?? []).map((a) => ({ value: a.id, label: a.title }))}
        />
      </Form.Item>
    </>
  );
}
