// Keyboard access to scrolling areas (WCAG 2.1.1, axe `scrollable-region-focusable`): every table's scroll area
// inside `root` becomes a named region in the tab order, so that it can be scrolled with the arrow keys. Named by
// the nearest card or page title. Tables added later (lazy pages, tabs) are handled as they appear.
import { useEffect, type RefObject } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

function nameOf(el: HTMLElement, fallback: string): string {
  const title =
    el.closest('.ant-card')?.querySelector('.ant-card-head-title')?.textContent ??
    document.querySelector('.page-header h1, .page-header h2, .page-header h3, .page-header h4')?.textContent;
  return title?.trim() || fallback;
}

function mark(root: HTMLElement, fallback: string) {
  for (const el of root.querySelectorAll<HTMLElement>(SCROLLERS)) {
    if (el.hasAttribute('tabindex')) continue;
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', nameOf(el, fallback));
  }
}

export function useScrollRegions(root: RefObject<HTMLElement | null>, fallback: string) {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    mark(el, fallback);
    const observer = new MutationObserver(() => mark(el, fallback));
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, fallback]);
}
