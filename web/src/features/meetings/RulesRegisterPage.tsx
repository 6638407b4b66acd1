// The rules register for staff (议事规则与工作制度): every rule, published or not, with its adopting body, kind and
// current version. Congress staff record a new rule with its first version; leaders read.
import { useState } from 'react';
import { Button, Form, Input, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { PROCEDURAL_RULE_KINDS } from '@minyi/domain/meetings';
import { useAuth } from '../../auth';
import { usePagedList } from '../../shell/components';
import { ListPage } from '../../shell/ListPage';
import { FormModal } from '../../shell/FormModal';
import { createProceduralRule, paths } from './api';
import type { PublicRule } from './PublicRulesPage';
import { RuleVersionFields, type RuleVersionValues } from './RuleVersionFields';

export interface RegisterRule extends PublicRule {
  published: boolean;
}

interface NewRuleValues extends RuleVersionValues {
  title: string;
  body: string;
  kind: string;
}

const BODIES = ['congress', 'standingCommittee', 'chairpersonsMeeting'];

export default function RulesRegisterPage() {
  const { t } = useTranslation('meetings');
  const { hasRole } = useAuth();
  const nav = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewRuleValues>();
  const body = Form.useWatch('body', form);
  const list = usePagedList<RegisterRule>(paths.findProceduralRules(), {});
  return (
    <ListPage<RegisterRule>
      title={t('rulesRegister.title')}
      sub={t('rulesRegister.sub')}
      extra={
        hasRole('congressStaff') && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="new-rule"
          >
            {t('rulesRegister.new')}
          </Button>
        )
      }
      list={list}
      scroll={{ x: 760 }}
      columns={[
        {
          title: t('rules.name'),
          key: 'title',
          width: 280,
          render: (_, r) => (
            <Link to={`/rules-register/${r.id}`} data-testid="register-rule">
              {r.title}
            </Link>
          ),
        },
        { title: t('rules.body'), key: 'body', render: (_, r) => t(`rules.bodies.${r.body}`) },
        { title: t('rules.kind'), key: 'kind', render: (_, r) => <Tag>{t(`rules.kinds.${r.kind}`)}</Tag> },
        {
          title: t('rules.current'),
          key: 'adoptedOn',
          render: (_, r) =>
            r.currentVersion > 1
              ? t('rules.revisedOn', { date: r.adoptedOn, n: r.currentVersion - 1 })
              : t('rules.adoptedOn', { date: r.adoptedOn }),
        },
        {
          title: t('rulesRegister.public'),
          key: 'published',
          render: (_, r) =>
            r.published ? (
              <Tag color="green">{t('rulesRegister.published')}</Tag>
            ) : (
              <Tag>{t('rulesRegister.unpublished')}</Tag>
            ),
        },
      ]}
    >
      <FormModal<NewRuleValues, { id: string }>
        form={form}
        open={creating}
        title={t('rulesRegister.new')}
        values={null}
        width={720}
        save={(v, key) => createProceduralRule(v, key)}
        onSaved={(r) => {
          setCreating(false);
          void nav(`/rules-register/${r.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="title" label={t('rules.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="rule-title" />
        </Form.Item>
        <Form.Item name="body" label={t('rules.body')} rules={[{ required: true }]}>
          <Select
            data-testid="rule-body"
            onChange={() => form.setFieldsValue({ meetingId: undefined, agendaItemId: undefined })}
            options={BODIES.map((b) => ({ value: b, label: t(`rules.bodies.${b}`) }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('rules.kind')} rules={[{ required: true }]}>
          <Select
            data-testid="rule-kind"
            options={PROCEDURAL_RULE_KINDS.map((k) => ({ value: k, label: t(`rules.kinds.${k}`) }))}
          />
        </Form.Item>
        <RuleVersionFields form={form} body={body} open={creating} />
      </FormModal>
    </ListPage>
  );
}
