// The command palette: one input that finds pages, records (server search, by Chinese text or pinyin) and
// actions such as 新建客户. Arrow keys move, Enter opens, Esc closes. Built as an ARIA combobox with a listbox.
import { useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Flex, Input, Modal, Typography, theme, type InputRef } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMeta } from '../../platform/meta.ts';
import { useNavModel } from '../nav/useNavModel.ts';
import { useSession } from '../session.ts';
import { actionEntries, matching, pageEntries, type PaletteEntry, type PaletteSection } from './paletteEntries.ts';
import { useRecordSearch } from './useRecordSearch.ts';

const LIST_ID = 'command-palette-options';
const optionId = (entry: PaletteEntry) => `command-palette-${entry.key.replace(/[^\w-]/g, '_')}`;

export function CommandPalette({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<InputRef>(null);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('palette.title')}
      footer={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('palette.hint')}
        </Typography.Text>
      }
      width={640}
      style={{ top: 72 }}
      destroyOnHidden
      afterOpenChange={(visible) => visible && inputRef.current?.focus()}
    >
      <PaletteBody inputRef={inputRef} onClose={onClose} />
    </Modal>
  );
}

function usePaletteSections(query: string) {
  const { t } = useTranslation();
  const model = useNavModel();
  const entities = useMeta().data;
  const isAdmin = useSession().data?.user.isAdmin === true;
  const records = useRecordSearch(query);

  const sections = useMemo(() => {
    // Results of an earlier query (kept while the next one loads) would be chosen by mistake: only this query's.
    const current = records.data?.query === query.trim() ? records.data.groups : [];
    const recordSections: PaletteSection[] = query.trim()
      ? current.map((group) => ({
          key: `records:${group.type}`,
          title: group.label,
          entries: group.items.map((item) => ({
            key: `record:${group.plural}:${item.id}`,
            label: item.title,
            path: `/${group.plural}/${item.id}`,
          })),
        }))
      : [];
    const all: PaletteSection[] = [
      { key: 'pages', title: t('palette.pages'), entries: matching(pageEntries(model, isAdmin, t), query) },
      ...recordSections,
      { key: 'actions', title: t('palette.actions'), entries: matching(actionEntries(entities ?? [], t), query) },
    ];
    return all.filter((section) => section.entries.length > 0);
  }, [query, records.data, model, isAdmin, entities, t]);

  return { sections, searching: records.isFetching, searchFailed: records.isError };
}

function PaletteBody({ inputRef, onClose }: { inputRef: RefObject<InputRef | null>; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  // The chosen entry by key, so that it stays chosen when search results arrive above it.
  const [activeKey, setActiveKey] = useState<string>();
  const { sections, searching, searchFailed } = usePaletteSections(query);
  const entries = sections.flatMap((section) => section.entries);
  const current = entries.find((entry) => entry.key === activeKey) ?? entries[0];

  const run = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    onClose();
    void navigate(entry.path);
  };
  const move = (step: number) => {
    if (!entries.length) return;
    const next = entries[(entries.indexOf(current!) + step + entries.length) % entries.length]!;
    setActiveKey(next.key);
    document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return; // choosing characters in a Chinese input method
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(current);
    }
  };

  return (
    <>
      <Input
        ref={inputRef}
        size="large"
        autoFocus
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActiveKey(undefined);
        }}
        onKeyDown={onKeyDown}
        placeholder={t('palette.placeholder')}
        role="combobox"
        aria-label={t('palette.inputLabel')}
        aria-expanded={entries.length > 0}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current) : undefined}
      />
      <div role="status" style={{ minHeight: 22, marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {searching
            ? t('palette.searching')
            : searchFailed
              ? t('palette.searchFailed')
              : entries.length
                ? ''
                : t('palette.noResults')}
        </Typography.Text>
      </div>
      <div id={LIST_ID} role="listbox" aria-label={t('palette.title')} style={{ maxHeight: '50vh', overflowY: 'auto' }}>
        {sections.map((section) => (
          <div key={section.key} role="group" aria-labelledby={`${LIST_ID}-${section.key}`}>
            <div
              id={`${LIST_ID}-${section.key}`}
              role="presentation"
              style={{ padding: '8px 8px 4px', fontSize: 12, color: token.colorTextSecondary }}
            >
              {section.title}
            </div>
            {section.entries.map((entry) => (
              <div
                key={entry.key}
                id={optionId(entry)}
                role="option"
                aria-selected={entry === current}
                onMouseMove={() => entry !== current && setActiveKey(entry.key)}
                onClick={() => run(entry)}
                style={{
                  padding: '8px 12px',
                  minHeight: 36,
                  borderRadius: token.borderRadius,
                  cursor: 'pointer',
                  background: entry === current ? token.controlItemBgActive : undefined,
                }}
              >
                <Flex justify="space-between" gap={12}>
                  <span style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                    {entry.label}
                  </span>
                  {entry.detail && <span style={{ color: token.colorTextSecondary, flexShrink: 0 }}>{entry.detail}</span>}
                </Flex>
              </div>
            ))}
          </div>
        ))}
      </div>
    </>
  );
}
