// Staff open a secret vote (appointments and removals by default) by naming its three tellers, who then hold
// the key ceremony on the vote's page; the dialog goes there once the vote is opened.
import { Form, Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../shell/components';
import { FormModal } from '../../shell/FormModal';
import { openMeetingVote, paths } from './api';

interface Candidate {
  id: string;
  name: string;
  username: string;
}

export function OpenSecretVoteDialog({
  meetingId,
  itemId,
  onClose,
}: {
  meetingId: string;
  itemId: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('meetings');
  const navigate = useNavigate();
  const [form] = Form.useForm<{ tellerAccountIds: string[] }>();
  const { data } = useResource<{ items: Candidate[] }>(
    itemId ? paths.findMeetingTellerCandidates(meetingId) : null,
  );
  return (
    <FormModal<{ tellerAccountIds: string[] }, { voteId: string }>
      form={form}
      open={!!itemId}
      title={t('secret.openTitle')}
      values={null}
      destroyOnHidden
      okText={t('secret.open')}
      before={<Typography.Paragraph type="secondary">{t('secret.tellersHelp')}</Typography.Paragraph>}
      save={(v) => openMeetingVote(meetingId, itemId!, v)}
      onSaved={(r) => {
        onClose();
        void navigate(`/meeting-votes/${r.voteId}`);
      }}
      onClose={onClose}
    >
      <Form.Item
        name="tellerAccountIds"
        label={t('secret.tellers')}
        rules={[{ required: true, type: 'array', len: 3 }]}
      >
        <Select
          mode="multiple"
          maxCount={3}
          data-testid="secret-tellers"
          options={(data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.username}）` }))}
          optionFilterProp="label"
        />
      </Form.Item>
    </FormModal>
  );
}
