// The public home page: the congress, the features' public entries (homeCards), find your deputies by
// street or electoral district, and the liaison places with their hours. Works at 375 px.
import { useContext, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Col, Empty, Input, Row, Segmented, Select, Space, Spin, Tag, Typography } from 'antd';
import {
  ClockCircleOutlined,
  FormOutlined,
  EnvironmentOutlined,
  PhoneOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LoadMore, usePagedList, useResource } from '../../shell/components';
import { paths } from './api';
import { useIsMobile } from '../../shell/responsive';
import { FeaturesContext } from '../context';

interface Named {
  id: string;
  name: string;
  nameEn?: string;
}

interface PublicCongress {
  id: string;
  name: string;
  nameEn?: string;
  level?: string;
  currentTerm?: { id: string; number: number } | null;
  currentSitting?: { id: string; number: number; status: 'planned' | 'inSession' | 'closed' } | null;
  streets?: Named[];
}

interface ElectoralDistrict {
  id: string;
  name: string;
  streetId: string;
  seats: number;
}

interface PublicDeputy {
  id: string;
  name: string;
  gender: 'male' | 'female';
  party?: string;
  occupation?: string;
  level?: string;
  electoralDistrict: { id: string; name: string } | null;
  street: { id: string; name: string } | null;
  liaisonPlace: { id: string; name: string } | null;
}

interface PublicPlace {
  id: string;
  kind: 'home' | 'station' | 'point';
  name: string;
  sector?: string | null;
  street: { id: string; name: string } | null;
  address: string;
  openingHours: string;
  phone?: string;
  deputies?: { id: string; name: string }[];
}

const KIND_COLORS: Record<PublicPlace['kind'], string> = { home: 'red', station: 'blue', point: 'green' };

function useNameOf() {
  const { i18n } = useTranslation();
  return (x: Named | null | undefined) => (!x ? '' : i18n.language === 'en' && x.nameEn ? x.nameEn : x.name);
}

/** Street names in the current language (public items carry only the Chinese name). */
function useStreetName(streets: Named[]) {
  const nameOf = useNameOf();
  const byId = useMemo(() => new Map(streets.map((s) => [s.id, s])), [streets]);
  return (s: { id: string; name: string } | null | undefined) => (s ? nameOf(byId.get(s.id) ?? s) : '');
}

/** On phones the first few places are shown, the rest on request. */
const PLACES_PREVIEW = 6;

function Hero({ congress }: { congress: PublicCongress | null }) {
  const { t } = useTranslation('home');
  const nameOf = useNameOf();
  return (
    <div className="home-hero" data-testid="home-hero">
      <Typography.Title level={1} style={{ fontSize: 'clamp(22px, 5vw, 30px)' }}>
        {congress ? nameOf(congress) : t('heroFallback')}
      </Typography.Title>
      <p>{t('tagline')}</p>
      {congress?.currentTerm && (
        <Space wrap size={6} style={{ marginTop: 12 }}>
          <Tag color="gold">{t('currentTerm', { number: congress.currentTerm.number })}</Tag>
          {congress.currentSitting && (
            <Tag color="gold">
              {t('currentSitting', { number: congress.currentSitting.number })} ·{' '}
              {t(`sittingStatus.${congress.currentSitting.status}`)}
            </Tag>
          )}
        </Space>
      )}
    </div>
  );
}

/** Public entries contributed by the features (submit an opinion, track it, livelihood projects...). */
function ServiceCards() {
  const { t } = useTranslation();
  // Phones get two columns of titles; the descriptions would make each card too tall.
  const mobile = useIsMobile();
  const features = useContext(FeaturesContext);
  const cards = useMemo(
    () =>
      features
        .flatMap((f, fi) =>
          (f.homeCards ?? []).map((c, ci) => ({ ...c, ns: f.id, rank: c.order ?? fi * 10 + ci })),
        )
        .sort((a, b) => a.rank - b.rank),
    [features],
  );
  if (!cards.length) return null;
  return (
    <section style={{ marginBottom: 20 }} data-testid="home-cards">
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={`${c.ns}:${c.key}`} xs={12} sm={12} md={8} lg={6}>
            <Link to={c.path}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Space align="start">
                  {c.icon && <span style={{ fontSize: 24, color: '#b71c1c' }}>{c.icon}</span>}
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{t(c.titleKey, { ns: c.ns })}</Typography.Text>
                    {c.descriptionKey && !mobile && (
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: '0.88em' }}>
                          {t(c.descriptionKey, { ns: c.ns })}
                        </Typography.Text>
                      </div>
                    )}
                  </div>
                </Space>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </section>
  );
}

function DeputyFinder({ streets }: { streets: Named[] }) {
  const { t } = useTranslation('home');
  const nameOf = useNameOf();
  const streetName = useStreetName(streets);
  const mobile = useIsMobile();
  const [streetId, setStreetId] = useState<string | undefined>();
  const [districtId, setDistrictId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const districts = useResource<{ items: ElectoralDistrict[] }>(
    streetId ? paths.findPublicElectoralDistricts(streetId) : null,
  );
  const list = usePagedList<PublicDeputy>(
    streetId || q ? paths.findPublicDeputies() : null,
    { streetId, electoralDistrictId: districtId, q: q || undefined },
    20,
  );
  useEffect(() => setDistrictId(undefined), [streetId]);

  return (
    <Card
      title={
        <Space>
          <UserOutlined />
          {t('findDeputies')}
        </Space>
      }
      data-testid="deputy-finder"
      size={mobile ? 'small' : undefined}
    >
      <Typography.Paragraph type="secondary">{t('findDeputiesHint')}</Typography.Paragraph>
      <div className="filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('street')}
          value={streetId}
          onChange={setStreetId}
          options={streets.map((s) => ({ value: s.id, label: nameOf(s) }))}
          aria-label={t('street')}
          data-testid="finder-street"
        />
        <Select
          allowClear
          disabled={!streetId}
          placeholder={t('electoralDistrict')}
          value={districtId}
          onChange={setDistrictId}
          loading={districts.loading}
          options={(districts.data?.items ?? []).map((d) => ({
            value: d.id,
            label: `${d.name}（${t('seats', { seats: d.seats })}）`,
          }))}
          aria-label={t('electoralDistrict')}
        />
        <Input.Search allowClear placeholder={t('searchName')} onSearch={setQ} aria-label={t('searchName')} />
      </div>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {!streetId && !q ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('chooseStreet')} />
      ) : list.loading && !list.items.length ? (
        <Spin />
      ) : !list.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noDeputies')} />
      ) : (
        <Row gutter={[8, 8]} data-testid="deputy-results">
          {list.items.map((d) => (
            <Col key={d.id} xs={24} sm={12} lg={8}>
              <div className="deputy-chip">
                <Space wrap size={4}>
                  <Typography.Text strong>{d.name}</Typography.Text>
                  <Typography.Text type="secondary">{t(`gender.${d.gender}`)}</Typography.Text>
                  {d.level && <Tag>{t(`level.${d.level}`, { defaultValue: d.level })}</Tag>}
                </Space>
                <div className="deputy-meta">{[d.party, d.occupation].filter(Boolean).join(' · ')}</div>
                <div className="deputy-meta">
                  {[streetName(d.street), d.electoralDistrict?.name].filter(Boolean).join(' · ')}
                  {d.liaisonPlace && (
                    <>
                      {' · '}
                      <TeamOutlined /> {d.liaisonPlace.name}
                    </>
                  )}
                </div>
                <Link
                  to={`/opinions/new?deputyId=${d.id}`}
                  className="deputy-meta"
                  aria-label={t('giveOpinionTo', { name: d.name })}
                  data-testid="give-opinion"
                >
                  <FormOutlined /> {t('giveOpinion')}
                </Link>
                {' · '}
                <Link
                  to={`/deputies/${d.id}/record`}
                  className="deputy-meta"
                  aria-label={t('deputyRecordOf', { name: d.name })}
                  data-testid="deputy-record"
                >
                  {t('deputyRecord')}
                </Link>
              </div>
            </Col>
          ))}
        </Row>
      )}
      <LoadMore list={list} />
    </Card>
  );
}

function LiaisonPlaces({ streets }: { streets: Named[] }) {
  const { t } = useTranslation('home');
  const nameOf = useNameOf();
  const streetName = useStreetName(streets);
  const mobile = useIsMobile();
  const [streetId, setStreetId] = useState<string | undefined>();
  const [kind, setKind] = useState<string>('all');
  const [showAll, setShowAll] = useState(false);
  const kindOptions = [
    { value: 'all', label: t('allKinds') },
    { value: 'home', label: t('kind.home') },
    { value: 'station', label: t('kind.station') },
    { value: 'point', label: t('kind.point') },
  ];
  const places = useResource<{ items: PublicPlace[] }>(
    paths.findPublicLiaisonPlaces({ streetId, kind: kind === 'all' ? undefined : kind }),
  );
  const items = places.data?.items ?? [];
  const shown = mobile && !showAll ? items.slice(0, PLACES_PREVIEW) : items;
  return (
    <Card
      title={
        <Space>
          <EnvironmentOutlined />
          {t('places')}
        </Space>
      }
      data-testid="liaison-places"
      size={mobile ? 'small' : undefined}
    >
      <Typography.Paragraph type="secondary">{t('placesHint')}</Typography.Paragraph>
      <div className="filters">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('allStreets')}
          value={streetId}
          onChange={setStreetId}
          options={streets.map((s) => ({ value: s.id, label: nameOf(s) }))}
          aria-label={t('street')}
        />
        {mobile ? (
          <Select value={kind} onChange={setKind} options={kindOptions} aria-label={t('allKinds')} />
        ) : (
          <Segmented value={kind} onChange={(v) => setKind(String(v))} options={kindOptions} />
        )}
      </div>
      <ErrorAlert error={places.error} onRetry={places.reload} />
      {places.loading && !items.length ? (
        <Spin />
      ) : !items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPlaces')} />
      ) : (
        <>
          <Typography.Text type="secondary">{t('placeCount', { count: items.length })}</Typography.Text>
          <Row gutter={[12, 12]} style={{ marginTop: 8 }}>
            {shown.map((p) => (
              <Col key={p.id} xs={24} md={12} xl={8}>
                <div className="place-card" data-testid="place-card">
                  <Space wrap size={4} style={{ marginBottom: 4 }}>
                    <Tag color={KIND_COLORS[p.kind]}>{t(`kind.${p.kind}`)}</Tag>
                    {p.street && <Tag>{streetName(p.street)}</Tag>}
                  </Space>
                  <Typography.Text strong style={{ display: 'block' }}>
                    {p.name}
                  </Typography.Text>
                  {p.sector && <div className="deputy-meta">{t('sector', { sector: p.sector })}</div>}
                  <div className="place-line">
                    <EnvironmentOutlined aria-label={t('address')} /> {p.address || '—'}
                  </div>
                  <div className="place-line">
                    <ClockCircleOutlined aria-label={t('openingHours')} /> {p.openingHours || '—'}
                  </div>
                  {p.phone && (
                    <div className="place-line">
                      <PhoneOutlined aria-label={t('phone')} /> <a href={`tel:${p.phone}`}>{p.phone}</a>
                    </div>
                  )}
                  {!!p.deputies?.length && (
                    <div className="place-line">
                      <TeamOutlined aria-label={t('deputiesAt')} />{' '}
                      {p.deputies
                        .slice(0, 8)
                        .map((d) => d.name)
                        .join('、')}
                      {p.deputies.length > 8 ? ` …(${p.deputies.length})` : ''}
                    </div>
                  )}
                </div>
              </Col>
            ))}
          </Row>
          {shown.length < items.length && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => setShowAll(true)} data-testid="places-show-all">
                {t('showAll', { count: items.length })}
              </Button>
            </div>
          )}
        </>
      )}
    </Card>
  );
}

export default function HomePage() {
  const congress = useResource<PublicCongress>(paths.getPublicCongress());
  const streetList = useResource<{ items: Named[] }>(paths.findStreets());
  const streets = streetList.data?.items ?? congress.data?.streets ?? [];
  return (
    <div style={{ maxWidth: 1200, margin: '0 auto' }}>
      <Hero congress={congress.data} />
      <ServiceCards />
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <DeputyFinder streets={streets} />
        </Col>
        <Col xs={24}>
          <LiaisonPlaces streets={streets} />
        </Col>
      </Row>
    </div>
  );
}
