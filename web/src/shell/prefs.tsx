// Display preferences kept in localStorage: language (zh-CN/en) and the elderly-friendly mode.
// Wraps the app in antd's ConfigProvider with the matching locale and theme; the system's
// "reduce motion" setting turns antd's animations off (WCAG 2.3.3).
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, theme as antTheme, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

const ELDERLY_KEY = 'minyi.elderly';

interface Prefs {
  lang: Language;
  setLang: (l: Language) => void;
  elderly: boolean;
  setElderly: (on: boolean) => void;
}

const PrefsContext = createContext<Prefs | null>(null);

export const usePrefs = (): Prefs => {
  const p = useContext(PrefsContext);
  if (!p) throw new Error('usePrefs outside PrefsProvider');
  return p;
};

/** The congress red; dark enough for text on white (contrast ≥ 7:1). */
const PRIMARY = '#b71c1c';

/**
 * Text colours that meet WCAG 2.1 AA (4.5:1) on white and on antd's light grey fills (#fafafa, #f5f5f5), in
 * place of antd's translucent defaults (secondary text rgba(0,0,0,.45) is 3.3:1 on #f5f5f5, placeholders
 * rgba(0,0,0,.25) 1.8:1, the blue link 3.8:1, the danger red 3.8:1). Found by axe-core (issue 23).
 */
const CONTRAST_TOKENS = {
  colorTextSecondary: '#434343',
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6b6b6b',
  colorLink: '#0b57d0',
  colorLinkHover: '#1f6fe5',
  colorLinkActive: '#0842a0',
  colorError: '#c62828',
  colorSuccess: '#2e7d32',
  colorWarning: '#ad6800',
} satisfies ThemeConfig['token'];

/** The header's dark menu (public pages at desktop width) sits on the congress red: its items in white (6.6:1). */
const HEADER_MENU = {
  darkItemColor: '#ffffff',
  darkItemHoverColor: '#ffffff',
  darkItemSelectedColor: '#ffffff',
  darkPopupBg: '#7f0000',
};

function themeFor(elderly: boolean, motion: boolean): ThemeConfig {
  if (!elderly) {
    return {
      token: { ...CONTRAST_TOKENS, colorPrimary: PRIMARY, borderRadius: 6, motion },
      algorithm: antTheme.defaultAlgorithm,
      components: { Menu: HEADER_MENU },
    };
  }
  // Elderly-friendly: larger type and controls, darker text and borders for stronger contrast.
  return {
    algorithm: antTheme.defaultAlgorithm,
    token: {
      ...CONTRAST_TOKENS,
      motion,
      colorPrimary: '#8e0000',
      fontSize: 18,
      fontSizeLG: 20,
      fontSizeHeading1: 34,
      fontSizeHeading2: 28,
      fontSizeHeading3: 24,
      fontSizeHeading4: 21,
      controlHeight: 44,
      controlHeightLG: 52,
      controlHeightSM: 34,
      lineHeight: 1.6,
      colorText: '#000000',
      colorTextSecondary: '#1f1f1f',
      colorTextTertiary: '#333333',
      colorTextDescription: '#262626',
      colorBorder: '#595959',
      colorBorderSecondary: '#8c8c8c',
      colorLink: '#0b3d91',
      borderRadius: 6,
    },
    components: {
      Menu: { ...HEADER_MENU, itemHeight: 52, fontSize: 18 },
      Table: { cellPaddingBlock: 14 },
    },
  };
}

const REDUCE_MOTION = '(prefers-reduced-motion: reduce)';

/** Follows the system's "reduce motion" setting, also when it changes while the page is open. */
function useReducedMotion(): boolean {
  const [query] = useState(() =>
    typeof window.matchMedia === 'function' ? window.matchMedia(REDUCE_MOTION) : null,
  );
  const [reduced, setReduced] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const onChange = (e: MediaQueryListEvent) => setReduced(e.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return reduced;
}

function readElderly(): boolean {
  try {
    return localStorage.getItem(ELDERLY_KEY) === '1';
  } catch {
    return false;
  }
}

export function PrefsProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [elderly, setElderlyState] = useState(readElderly);
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
    document.title = lang === 'en' ? 'Minyi — people’s congress' : '民意 · 人大工作平台';
  }, [lang]);

  useEffect(() => {
    document.documentElement.classList.toggle('elderly', elderly);
  }, [elderly]);

  const value = useMemo<Prefs>(
    () => ({
      lang,
      setLang: setLanguage,
      elderly,
      setElderly: (on) => {
        try {
          localStorage.setItem(ELDERLY_KEY, on ? '1' : '0');
        } catch {
          // ignore
        }
        setElderlyState(on);
      },
    }),
    [lang, elderly],
  );

  return (
    <PrefsContext.Provider value={value}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={themeFor(elderly, !reducedMotion)}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </PrefsContext.Provider>
  );
}
