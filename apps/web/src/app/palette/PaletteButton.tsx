// The header's way into the command palette: a search box look-alike with the shortcut on wide screens, an icon on phones.
import { Button, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { SearchIcon } from '../icons.tsx';
import { SHORTCUT_LABEL } from './usePaletteShortcut.ts';

export function PaletteButton({ wide, onOpen }: { wide: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (!wide) {
    return <Button type="text" icon={<SearchIcon />} aria-label={t('shell.search')} onClick={onOpen} style={{ fontSize: 18 }} />;
  }
  return (
    <Button
      icon={<SearchIcon />}
      onClick={onOpen}
      aria-keyshortcuts="Control+K Meta+K /"
      style={{ width: 240, justifyContent: 'flex-start', color: token.colorTextSecondary }}
    >
      <span style={{ flex: 1, textAlign: 'start' }}>{t('shell.searchHint')}</span>
      <Typography.Text keyboard style={{ fontSize: 12, color: token.colorTextSecondary }}>
        {SHORTCUT_LABEL}
      </Typography.Text>
    </Button>
  );
}
