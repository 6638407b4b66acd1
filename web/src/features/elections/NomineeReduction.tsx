// Bringing too many nominees within the ratio (选举法 Art. 32): a nominee left off by the voter groups'
// consultation (with its record), or a primary (预选) whose votes per nominee the election office enters; the
// highest stay. The server refuses a tie at the cut and votes that do not match the list.
import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../shell/FormModal';
import { shanghaiToday } from '../../shell/datetime';
import { dropElectionNominee, holdElectionPrimary } from './api';
import type { District } from './types';

export function ConsultationModal({
  electionId,
  district,
  onClose,
  onSaved,
}: {
  electionId: string;
  district: District | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('elections');
  const [form] = Form.useForm<{ candidateId: string; note: string }>();
  return (
    <FormModal<{ candidateId: string; note: string }, unknown>
      form={form}
      open={!!district}
      title={t('nomination.consult')}
      values={null}
      save={(v) => dropElectionNominee(electionId, district!.id, v.candidateId, { note: v.note })}
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item
        name="candidateId"
        label={t('nomination.leaveOff')}
        rules={[{ required: true, message: t('create.required') }]}
      >
        <Select
          data-testid="consult-nominee"
          options={(district?.candidates ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('nomination.consultNote')}
        rules={[{ required: true, whitespace: true, message: t('create.required') }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid="consult-note" />
      </Form.Item>
    </FormModal>
  );
}

type PrimaryValues = { heldOn: string } & Record<string, number | string>;

export function PrimaryModal({
  electionId,
  district,
  onClose,
  onSaved,
}: {
  electionId: string;
  district: District | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation('elections');
  const [form] = Form.useForm<PrimaryValues>();
  const nominees = district?.candidates ?? [];
  return (
    <FormModal<PrimaryValues, unknown>
      form={form}
      open={!!district}
      title={t('nomination.primaryTitle', { max: district?.candidateRange.max ?? 0 })}
      values={null}
      initialValues={{ heldOn: shanghaiToday() }}
      save={(v) =>
        holdElectionPrimary(electionId, district!.id, {
          heldOn: v.heldOn,
          votes: Object.fromEntries(nominees.map((c) => [c.id, Number(v[`v-${c.id}`])])),
        })
      }
      onSaved={onSaved}
      onClose={onClose}
    >
      <Form.Item
        name="heldOn"
        label={t('nomination.heldOn')}
        rules={[{ required: true, message: t('create.required') }]}
      >
        <Input type="date" max={shanghaiToday()} />
      </Form.Item>
      {nominees.map((c) => (
        <Form.Item
          key={c.id}
          name={`v-${c.id}`}
          label={c.name}
          rules={[{ required: true, message: t('create.required') }]}
        >
          <InputNumber min={0} precision={0} style={{ width: 160 }} data-testid={`primary-votes-${c.name}`} />
        </Form.Item>
      ))}
    </FormModal>
  );
}
