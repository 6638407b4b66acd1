// The register of office-holders (staff and leaders): who held which post on a date, today by default, with the
// case that appointed them.
import { useState } from 'react';
import { Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePagedList } from '../../shell/components';
import { FilterSearch, ListPage } from '../../shell/ListPage';
import { paths } from './api';

interface Holding {
  id: string;
  post: string;
  organization: string;
  holderName: string;
  acting: boolean;
  startedOn: string;
  endedOn: string | null;
  endReason: string | null;
}

export default function OfficeHoldersPage() {
  const { t } = useTranslation('meetings');
  const [post, setPost] = useState('');
  const [date, setDate] = useState('');
  const list = usePagedList<Holding>(paths.findOfficeHolders(), {
    post: post || undefined,
    date: date || undefined,
  });
  return (
    <ListPage<Holding>
      title={t('register.title')}
      filters={
        <>
          <FilterSearch label={t('register.post')} onSearch={setPost} />
          <Input
            type="date"
            aria-label={t('register.date')}
            style={{ width: 180 }}
            value={date}
            onChange={(e) => setDate(e.target.value)}
            data-testid="register-date"
          />
        </>
      }
      list={list}
      scroll={{ x: true }}
      columns={[
        { title: t('register.post'), dataIndex: 'post', key: 'post' },
        {
          title: t('register.holder'),
          key: 'holder',
          render: (_, h) => (
            <>
              {h.holderName} {h.acting && <Tag>{t('register.acting')}</Tag>}
            </>
          ),
        },
        { title: t('register.since'), dataIndex: 'startedOn', key: 'startedOn' },
        {
          title: t('register.until'),
          key: 'endedOn',
          render: (_, h) => (h.endedOn ? `${h.endedOn}（${t(`register.endReason.${h.endReason}`)}）` : '—'),
        },
      ]}
    />
  );
}
