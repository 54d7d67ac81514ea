// The side navigation: 工作台, one group per subsystem, 回收站 and 系统管理; the current page is highlighted.
// Used in the collapsible Sider on wide screens and in the drawer on phones.
import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { currentNavPath, type NavLink } from './navModel.ts';
import { useNavModel } from './useNavModel.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** A collapsed menu shows only icons: the first character of the label stands in for one. */
const Initial = ({ label }: { label: string }) => (
  <span aria-hidden="true" style={{ display: 'inline-block', width: 16, textAlign: 'center' }}>
    {label.slice(0, 1)}
  </span>
);

const CURRENT_PAGE: Record<string, string> = { 'aria-current': 'page' };

const toItem =
  (collapsed: boolean, selected: string | undefined) =>
  (link: NavLink): MenuItem => ({
    key: link.path,
    label: link.label,
    icon: collapsed ? <Initial label={link.label} /> : undefined,
    // Screen readers announce the highlighted item as the current page (antd passes it on to the <li>, its types
    // do not list it).
    ...(link.path === selected ? CURRENT_PAGE : {}),
  });

export function SideNav({ collapsed = false, onNavigate }: { collapsed?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const model = useNavModel();
  const selected = currentNavPath(model, pathname);
  const item = toItem(collapsed, selected);

  // Expanded, subsystems are titled groups; collapsed, each becomes a sub-menu that opens beside the bar.
  const groups: MenuItem[] = model.groups.map((group) =>
    collapsed
      ? {
          key: group.subsystem,
          label: group.label,
          icon: <Initial label={group.label} />,
          children: group.links.map(toItem(false, selected)),
        }
      : { type: 'group', key: group.subsystem, label: group.label, children: group.links.map(item) },
  );

  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        inlineCollapsed={collapsed}
        selectedKeys={selected ? [selected] : []}
        items={[item(model.desk), ...groups, { type: 'divider' }, ...model.tail.map(item)]}
        onClick={({ key }) => {
          onNavigate?.();
          void navigate(key);
        }}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
