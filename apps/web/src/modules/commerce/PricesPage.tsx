// 价格表与折扣: the price lists (kind, target, validity, how many products), the discount rules and the product
// category tree. Everyone signed in reads them; administrators add, change and remove (the server enforces it).
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { DiscountRule, PriceList, ProductCategory } from '@guanxi/contracts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useSession } from '../../app/session.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import {
  catalogKeys,
  removeCategory,
  removeDiscountRule,
  removePriceList,
  useDiscountRules,
  usePriceLists,
  useProductCategories,
} from './catalog.api.ts';
import { CategoryDialog } from './CategoryDialog.tsx';
import { DiscountRuleDialog } from './DiscountRuleDialog.tsx';
import { PriceListDialog } from './PriceListDialog.tsx';
import { ResponsiveTable } from './ResponsiveTable.tsx';

export function validity(t: TFunction, from: string | null, to: string | null): string {
  if (from && to) return t('commerce.prices.fromTo', { from, to });
  if (from) return t('commerce.prices.from', { date: from });
  if (to) return t('commerce.prices.until', { date: to });
  return t('commerce.prices.always');
}

const statusTag = (t: TFunction, active: boolean) =>
  active ? <Tag color="green">{t('commerce.prices.active')}</Tag> : <Tag>{t('commerce.prices.inactive')}</Tag>;

export function PricesPage() {
  const { t } = useTranslation();
  const isAdmin = !!useSession().data?.user?.isAdmin;
  usePageTitle(t('commerce.prices.title'));
  return (
    <>
      <Typography.Title level={2}>{t('commerce.prices.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('commerce.prices.intro')}</Typography.Paragraph>
      {!isAdmin && <Alert type="info" showIcon message={t('commerce.prices.readOnly')} style={{ marginBottom: 16 }} />}
      <Tabs
        items={[
          { key: 'lists', label: t('commerce.prices.tabs.lists'), children: <PriceListsTab isAdmin={isAdmin} /> },
          { key: 'rules', label: t('commerce.prices.tabs.rules'), children: <RulesTab isAdmin={isAdmin} /> },
          { key: 'categories', label: t('commerce.prices.tabs.categories'), children: <CategoriesTab isAdmin={isAdmin} /> },
        ]}
      />
    </>
  );
}

/** Edit and delete buttons of a row, for administrators. */
function RowActions({ onEdit, onRemove }: { onEdit: () => void; onRemove: () => Promise<void> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Space size={0}>
      <Button type="link" onClick={onEdit}>
        {t('commerce.prices.edit')}
      </Button>
      <Popconfirm
        title={t('commerce.prices.confirmRemove')}
        onConfirm={() =>
          onRemove().then(
            () => void message.success(t('commerce.prices.removed')),
            (error: unknown) => void message.error(errorMessage(t, error)),
          )
        }
      >
        <Button type="link" danger>
          {t('commerce.prices.remove')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/**
 * One tab of the page: a table of `query`'s rows, with — for administrators — an add button and each row's edit and
 * remove actions; `dialog` edits the chosen row (null: a new one). `columns` may open the dialog through `edit`.
 */
function CatalogTable<T extends { id: string }>(props: {
  isAdmin: boolean;
  query: { data?: T[]; isPending: boolean; isError: boolean; error: unknown };
  queryKey: readonly unknown[];
  remove: (id: string) => Promise<unknown>;
  scrollX: number;
  columns: (edit: (row: T) => void) => ColumnsType<T>;
  dialog: (editing: T | null, close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<T | null | undefined>(undefined);
  const { isAdmin, query } = props;
  return (
    <Card>
      {isAdmin && (
        <Flex justify="end" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setEditing(null)}>
            {t('commerce.prices.add')}
          </Button>
        </Flex>
      )}
      {query.isError && <Alert type="error" showIcon message={errorMessage(t, query.error)} />}
      <ResponsiveTable<T>
        rowKey="id"
        loading={query.isPending}
        dataSource={query.data}
        pagination={false}
        scroll={{ x: props.scrollX }}
        locale={{ emptyText: t('commerce.prices.empty') }}
        columns={[
          ...props.columns(setEditing),
          ...(isAdmin
            ? [
                {
                  key: 'actions',
                  title: t('commerce.prices.columns.actions'),
                  render: (_: unknown, row: T) => (
                    <RowActions
                      onEdit={() => setEditing(row)}
                      onRemove={async () => {
                        await props.remove(row.id);
                        await queryClient.invalidateQueries({ queryKey: props.queryKey });
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && props.dialog(editing, () => setEditing(undefined))}
    </Card>
  );
}

function PriceListsTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const target = (l: PriceList) => l.grade ?? l.tierKey ?? l.customerName ?? '—';
  return (
    <CatalogTable<PriceList>
      isAdmin={isAdmin}
      query={usePriceLists()}
      queryKey={catalogKeys.priceLists}
      remove={removePriceList}
      scrollX={720}
      columns={(edit) => [
        {
          title: t('commerce.prices.columns.name'),
          dataIndex: 'name',
          render: (name: string, l) => (
            <Button
              type="link"
              style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => edit(l)}
            >
              {name}
            </Button>
          ),
        },
        { title: t('commerce.prices.columns.kind'), render: (_, l) => t(`commerce.prices.kinds.${l.kind}`) },
        { title: t('commerce.prices.columns.target'), render: (_, l) => target(l) },
        { title: t('commerce.prices.columns.validity'), render: (_, l) => validity(t, l.validFrom, l.validTo) },
        { title: t('commerce.prices.columns.items'), dataIndex: 'itemCount', align: 'right' },
        { title: t('commerce.prices.columns.status'), render: (_, l) => statusTag(t, l.active) },
      ]}
      dialog={(editing, close) => <PriceListDialog id={editing?.id ?? null} readOnly={!isAdmin} onClose={close} />}
    />
  );
}

function RulesTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const scope = (r: DiscountRule) => r.productName ?? r.categoryName ?? t('commerce.prices.rule.targetAll');
  return (
    <CatalogTable<DiscountRule>
      isAdmin={isAdmin}
      query={useDiscountRules()}
      queryKey={catalogKeys.discountRules}
      remove={removeDiscountRule}
      scrollX={760}
      columns={() => [
        { title: t('commerce.prices.columns.name'), dataIndex: 'name' },
        {
          title: t('commerce.prices.columns.percent'),
          align: 'right',
          render: (_, r) => t('commerce.prices.rule.off', { percent: Number(r.percent).toString() }),
        },
        { title: t('commerce.prices.columns.scope'), render: (_, r) => scope(r) },
        { title: t('commerce.prices.columns.grade'), render: (_, r) => r.customerGrade ?? t('commerce.prices.rule.anyGrade') },
        { title: t('commerce.prices.columns.minQuantity'), render: (_, r) => r.minQuantity ?? '—', align: 'right' },
        { title: t('commerce.prices.columns.validity'), render: (_, r) => validity(t, r.validFrom, r.validTo) },
        { title: t('commerce.prices.columns.status'), render: (_, r) => statusTag(t, r.active) },
      ]}
      dialog={(editing, close) => <DiscountRuleDialog rule={editing ?? undefined} onClose={close} />}
    />
  );
}

function CategoriesTab({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation();
  const categories = useProductCategories();
  return (
    <CatalogTable<ProductCategory>
      isAdmin={isAdmin}
      query={categories}
      queryKey={catalogKeys.categories}
      remove={removeCategory}
      scrollX={520}
      columns={() => [
        { title: t('commerce.prices.columns.path'), dataIndex: 'path' },
        { title: t('commerce.prices.columns.products'), dataIndex: 'productCount', align: 'right' },
        { title: t('commerce.prices.columns.status'), render: (_, c) => statusTag(t, c.active) },
      ]}
      dialog={(editing, close) => (
        <CategoryDialog category={editing ?? undefined} categories={categories.data ?? []} onClose={close} />
      )}
    />
  );
}
