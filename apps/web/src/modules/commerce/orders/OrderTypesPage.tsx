// 订单类型 (/commerce/order-types): every order type with its stages in order — lead time, milestone, by quantity,
// arrival — read by everyone; administrators open one to edit (or add a type).
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../app/usePageTitle.ts';
import { useSession } from '../../../app/session.ts';
import { useOrderTypes } from './orders.api.ts';

export function OrderTypesPage() {
  const { t } = useTranslation();
  const isAdmin = !!useSession().data?.user?.isAdmin;
  const types = useOrderTypes();
  usePageTitle(t('commerce.orders.types.title'));
  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2}>{t('commerce.orders.types.title')}</Typography.Title>
        {isAdmin && (
          <Link to="/commerce/order-types/new">
            <Button type="primary">{t('commerce.orders.types.add')}</Button>
          </Link>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('commerce.orders.types.intro')}</Typography.Paragraph>
      {!isAdmin && <Alert type="info" showIcon message={t('commerce.orders.types.readOnly')} style={{ marginBottom: 16 }} />}
      {types.isPending && <Card loading />}
      <Flex vertical gap={12}>
        {(types.data ?? []).map((type) => (
          <Card
            key={type.id}
            size="small"
            title={
              <Flex gap={8} align="center" wrap>
                {type.name}
                {type.isDefault && <Tag color="blue">{t('commerce.orders.types.default')}</Tag>}
                {!type.active && <Tag>{t('commerce.orders.types.inactive')}</Tag>}
              </Flex>
            }
            extra={isAdmin ? <Link to={`/commerce/order-types/${type.id}`}>{t('commerce.orders.types.edit')}</Link> : null}
          >
            <Flex wrap gap={6} align="center">
              {type.stages.map((s, i) => (
                <span key={s.id} style={{ opacity: s.active ? 1 : 0.45 }}>
                  {i > 0 && <Typography.Text type="secondary"> → </Typography.Text>}
                  <Tag color={s.isArrival ? 'green' : s.milestone ? 'gold' : 'default'} style={{ marginInlineEnd: 0 }}>
                    {s.name} · {t('commerce.orders.types.days', { n: s.leadTimeDays })}
                    {s.milestone ? ` · ${t(`commerce.orders.progress.milestone.${s.milestone}`)}` : ''}
                  </Tag>
                </span>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    </>
  );
}
