// 销售流程 (administrators): every pipeline with its stages in order, the default and inactive ones marked; a pipeline
// opens in its editor (/admin/pipelines/<id>), a new one at /admin/pipelines/new.
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../platform/formErrors.ts';
import { usePipelines } from '../sales.api.ts';

export function PipelinesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const pipelines = usePipelines();
  return (
    <>
      <Flex justify="end" style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => void navigate('/admin/pipelines/new')}>
          {t('sales.admin.pipelines.create')}
        </Button>
      </Flex>
      <List
        loading={pipelines.isPending}
        dataSource={pipelines.data ?? []}
        rowKey="id"
        locale={{
          emptyText: pipelines.isError ? (
            errorMessage(t, pipelines.error)
          ) : (
            <Empty description={t('sales.admin.pipelines.empty')} />
          ),
        }}
        renderItem={(pipeline) => (
          <List.Item style={{ display: 'block', borderBlockEnd: 'none', padding: '0 0 12px' }}>
            <Card
              size="small"
              role="region"
              aria-label={pipeline.name}
              title={
                <Flex gap={8} wrap align="center">
                  <span>{pipeline.name}</span>
                  {pipeline.isDefault && <Tag color="blue">{t('sales.admin.pipelines.default')}</Tag>}
                  {!pipeline.active && <Tag>{t('sales.admin.common.inactive')}</Tag>}
                </Flex>
              }
              extra={
                <Button
                  size="small"
                  autoInsertSpace={false}
                  aria-label={t('sales.admin.pipelines.editLabel', { name: pipeline.name })}
                  onClick={() => void navigate(`/admin/pipelines/${pipeline.id}`)}
                >
                  {t('sales.admin.common.edit')}
                </Button>
              }
            >
              <Flex wrap gap={4} align="center">
                {pipeline.stages.map((stage, i) => (
                  <Flex key={stage.id} gap={4} align="center">
                    {i > 0 && <Typography.Text type="secondary">→</Typography.Text>}
                    <Tag
                      color={stage.outcome === 'won' ? 'green' : stage.outcome === 'lost' ? 'red' : undefined}
                      style={{ marginInlineEnd: 0, opacity: stage.active ? 1 : 0.6 }}
                    >
                      {stage.active
                        ? `${stage.name} ${stage.probability}%`
                        : t('sales.planning.aside', {
                            text: `${stage.name} ${stage.probability}%`,
                            note: t('sales.admin.common.inactive'),
                          })}
                    </Tag>
                  </Flex>
                ))}
              </Flex>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}
