// The app frame: header (name, language, elderly mode, inbox, user menu), a sider menu on desktop and a
// drawer menu on phones (≤ 768 px). The menu is collected from the features' nav items by role.
import { Suspense, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  App as AntApp,
  Badge,
  Button,
  Drawer,
  Dropdown,
  Layout,
  Menu,
  Space,
  Spin,
  Switch,
  Tooltip,
  type MenuProps,
} from 'antd';
import {
  BellOutlined,
  GlobalOutlined,
  HomeOutlined,
  LoginOutlined,
  LogoutOutlined,
  MenuOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, type User } from '../auth';
import { features } from '../features';
import type { NavItem } from '../features/types';
import { usePrefs } from './prefs';
import { useIsMobile } from './responsive';
import { useUnreadCount } from './unread';
import { useScrollRegions } from './scroll-regions';

const { Header, Sider, Content, Footer } = Layout;

interface VisibleItem {
  path: string;
  key: string;
  label: string;
  icon?: ReactNode;
}

type MenuEntry = NonNullable<MenuProps['items']>[number];

const visibleTo = (item: NavItem, user: User | null) =>
  item.roles === 'public' || (!!user && item.roles.some((r) => user.roles.includes(r)));

/** The menu for this user: public items for everyone, the rest by role; grouped per feature when asked. */
export function useNavMenu(): { items: MenuEntry[]; flat: VisibleItem[] } {
  const { user } = useAuth();
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const flat: VisibleItem[] = [];
    // Menu position: navGroup.order / NavItem.order when given, else the feature's place (index × 10).
    const groups: { order: number; entry: MenuEntry }[] = [];
    features.forEach((f, fi) => {
      const items = (f.nav ?? [])
        .map((n, i) => ({ n, rank: n.order ?? fi * 10 + i / 100 }))
        .filter(({ n }) => visibleTo(n, user))
        .sort((a, b) => a.rank - b.rank)
        .map(({ n, rank }) => ({
          key: n.path,
          path: n.path,
          label: t(n.labelKey, { ns: f.id }),
          icon: n.icon,
          rank,
        }));
      if (!items.length) return;
      flat.push(...items);
      const entryOf = (i: (typeof items)[number]): MenuEntry => ({
        key: i.path,
        icon: i.icon,
        label: <Link to={i.path}>{i.label}</Link>,
      });
      if (f.navGroup && items.length > 1) {
        groups.push({
          order: f.navGroup.order ?? fi * 10,
          entry: {
            key: `group:${f.id}`,
            icon: f.navGroup.icon,
            label: t(f.navGroup.labelKey, { ns: f.id }),
            children: items.map(entryOf),
          },
        });
      } else {
        items.forEach((i) => groups.push({ order: i.rank, entry: entryOf(i) }));
      }
    });
    groups.sort((a, b) => a.order - b.order);
    return { items: groups.map((g) => g.entry), flat };
    // i18n.language: relabel on language change
  }, [user, t, i18n.language]);
}

function selectedKey(pathname: string, flat: VisibleItem[]): string[] {
  let best: VisibleItem | undefined;
  for (const i of flat) {
    const match =
      i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`);
    if (match && (!best || i.path.length > best.path.length)) best = i;
  }
  return best ? [best.key] : [];
}

function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { lang, setLang } = usePrefs();
  const next = lang === 'en' ? 'zh-CN' : 'en';
  const label = compact
    ? lang === 'en'
      ? '中'
      : 'EN'
    : lang === 'en'
      ? t('header.switchToZh')
      : t('header.switchToEn');
  return (
    <Tooltip title={t('header.language')}>
      {/* The name starts with the visible text (WCAG 2.5.3), then says what the button is for. */}
      <Button
        type="text"
        icon={<GlobalOutlined />}
        onClick={() => setLang(next)}
        data-testid="lang-switch"
        aria-label={`${label} (${t('header.language')})`}
        style={{ color: 'inherit' }}
      >
        {label}
      </Button>
    </Tooltip>
  );
}

function ElderlySwitch() {
  const { t } = useTranslation();
  const { elderly, setElderly } = usePrefs();
  const { message } = AntApp.useApp();
  return (
    <Space size={6}>
      <Switch
        size="small"
        checked={elderly}
        data-testid="elderly-switch"
        aria-label={t('header.elderly')}
        onChange={(on) => {
          setElderly(on);
          void message.info(on ? t('header.elderlyOn') : t('header.elderlyOff'));
        }}
      />
      <span className="header-label">{t('header.elderly')}</span>
    </Space>
  );
}

function UserArea({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const unread = useUnreadCount(!!user && !user.mustEnrollTotp && !user.mustChangePassword);
  if (!user) {
    return (
      <Link to="/login" data-testid="login-link">
        <Button type="primary" ghost icon={<LoginOutlined />} style={{ background: '#fff' }}>
          {t('header.login')}
        </Button>
      </Link>
    );
  }
  const items: MenuProps['items'] = [
    { key: 'me', icon: <UserOutlined />, label: t('header.myAccount'), onClick: () => navigate('/account') },
    {
      key: 'inbox',
      icon: <BellOutlined />,
      label: (
        <Space>
          {t('header.inbox')}
          {unread > 0 && <Badge count={unread} size="small" />}
        </Space>
      ),
      onClick: () => navigate('/inbox'),
    },
    { type: 'divider' },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: t('header.logout'),
      danger: true,
      onClick: () => {
        void logout().then(() => {
          void message.success(t('header.loggedOut'));
          void navigate('/');
        });
      },
    },
  ];
  return (
    <Space size={compact ? 4 : 12}>
      <Tooltip title={t('header.inbox')}>
        <Link
          to="/inbox"
          aria-label={unread > 0 ? `${t('header.inbox')} ${unread > 99 ? '99+' : unread}` : t('header.inbox')}
          data-testid="inbox-link"
        >
          <Badge count={unread} size="small" offset={[-2, 2]}>
            <BellOutlined style={{ fontSize: 20, color: '#fff' }} />
          </Badge>
        </Link>
      </Tooltip>
      <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
        <Button type="text" icon={<UserOutlined />} style={{ color: 'inherit' }} data-testid="user-menu">
          {!compact && <span className="user-name">{user.displayName}</span>}
        </Button>
      </Dropdown>
    </Space>
  );
}

function Brand() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  return (
    <Link to="/" className="brand" title={t('nav.home')}>
      <span className="brand-mark" aria-hidden="true">
        民
      </span>
      <span className="brand-name">{mobile ? t('app.name') : t('app.fullName')}</span>
    </Link>
  );
}

export function PageFallback() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

export default function AppLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const mobile = useIsMobile();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const content = useRef<HTMLElement>(null);
  useScrollRegions(content, t('app.name'));
  const { items, flat } = useNavMenu();
  const menuItems: MenuEntry[] = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    ...items.filter((i) => i?.key !== '/'),
  ];
  const selected = selectedKey(location.pathname, [{ key: '/', path: '/', label: '' }, ...flat]);
  const openGroups = menuItems
    .filter((i): i is MenuEntry & { children: MenuEntry[] } => !!i && 'children' in i && !!i.children)
    .filter((g) => g.children.some((c) => c && selected.includes(String(c.key))))
    .map((g) => String(g.key));
  const useSider = !mobile && !!user;

  const menu = (mode: 'inline' | 'horizontal') => (
    <Menu
      mode={mode}
      theme={mode === 'horizontal' ? 'dark' : 'light'}
      selectedKeys={selected}
      defaultOpenKeys={mode === 'inline' ? openGroups : undefined}
      items={menuItems}
      onClick={() => setDrawerOpen(false)}
      data-testid={mode === 'inline' ? 'nav-menu' : 'nav-menu-top'}
      style={
        mode === 'horizontal' ? { flex: 1, minWidth: 0, background: 'transparent' } : { borderInlineEnd: 0 }
      }
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="app-header">
        {mobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('nav.menu')}
            data-testid="menu-button"
            style={{ color: '#fff', marginInlineEnd: 4 }}
          />
        )}
        <Brand />
        {!mobile && !user ? menu('horizontal') : <div style={{ flex: 1 }} />}
        <Space size={mobile ? 0 : 12} className="header-actions">
          {!mobile && <ElderlySwitch />}
          <LanguageSwitch compact={mobile} />
          <UserArea compact={mobile} />
        </Space>
      </Header>
      <Layout>
        {useSider && (
          <Sider
            width={232}
            theme="light"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            className="app-sider"
          >
            {menu('inline')}
          </Sider>
        )}
        <Layout>
          <Content className="app-content" ref={content}>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </Content>
          <Footer className="app-footer">{t('footer')}</Footer>
        </Layout>
      </Layout>
      {mobile && (
        <Drawer
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          placement="left"
          size={280}
          title={t('app.fullName')}
          styles={{ body: { padding: 0 } }}
        >
          {menu('inline')}
          <div style={{ padding: 16, borderTop: '1px solid #f0f0f0' }}>
            <ElderlySwitch />
          </div>
        </Drawer>
      )}
    </Layout>
  );
}
