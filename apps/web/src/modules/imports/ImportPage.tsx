// 导入 at /<plural>/import: upload a CSV or .xlsx, check the detected encoding and the first rows, correct the
// automatic column mapping, choose what to do with duplicates, then follow the background import to its summary —
// with the per-row error report, resume after an interruption, and undo of what the import created.
import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Space,
  Spin,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DuplicatePolicy, EntityMeta, ImportView } from '@guanxi/contracts';
import { api, upload } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import { useEntityMeta } from '../../platform/meta.ts';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { recordKeys } from '../records/records.api.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';

const RUNNING = new Set(['queued', 'running', 'rolling_back']);

export function ImportPage() {
  const { plural } = useParams();
  const { entity, isPending } = useEntityMeta(plural);
  if (isPending) return <Spin />;
  if (!entity || (entity.permissions.create ?? 'none') === 'none') return <NotFoundPage />;
  return <ImportWizard entity={entity} />;
}

function ImportWizard({ entity }: { entity: EntityMeta }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [importId, setImportId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = useQuery({
    queryKey: ['imports', importId],
    enabled: !!importId,
    queryFn: () => api.get<ImportView>(`/imports/${importId}`),
    // Follow a running import every second; stop once it has settled.
    refetchInterval: (query) => (query.state.data && RUNNING.has(query.state.data.status) ? 1000 : false),
  });
  const view = current.data;

  const onFile = async (file: File) => {
    setUploading(true);
    try {
      const created = await upload<ImportView>('/imports', { recordType: entity.name }, file);
      queryClient.setQueryData(['imports', created.id], created);
      setImportId(created.id);
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setUploading(false);
    }
  };

  const act = async (work: () => Promise<ImportView>) => {
    setBusy(true);
    try {
      const next = await work();
      queryClient.setQueryData(['imports', next.id], next);
      void queryClient.invalidateQueries({ queryKey: recordKeys.type(entity.plural) });
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setBusy(false);
    }
  };
  const patch = (body: object) => act(() => api.patch<ImportView>(`/imports/${importId}`, body));
  const run = (action: 'start' | 'resume' | 'rollback') => act(() => api.post<ImportView>(`/imports/${importId}/${action}`));

  usePageTitle(t('imports.title', { type: entity.label }));
  const step = !view ? 0 : view.status === 'uploaded' ? 1 : 2;

  return (
    <>
      <Typography.Title level={2}>{t('imports.title', { type: entity.label })}</Typography.Title>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('imports.steps.upload') }, { title: t('imports.steps.map') }, { title: t('imports.steps.run') }]}
      />
      {!view && (
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={uploading}
          beforeUpload={(file) => {
            void onFile(file);
            return false;
          }}
        >
          <Typography.Paragraph style={{ fontSize: 16, margin: 8 }}>
            {uploading ? t('imports.uploading') : t('imports.drop')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('imports.dropHint')}</Typography.Text>
        </Upload.Dragger>
      )}
      {view && view.status === 'uploaded' && (
        <MappingStep view={view} busy={busy} onPatch={patch} onStart={() => void run('start')} />
      )}
      {view && view.status !== 'uploaded' && <RunStep entity={entity} view={view} busy={busy} onRun={(a) => void run(a)} />}
    </>
  );
}

function MappingStep({
  view,
  busy,
  onPatch,
  onStart,
}: {
  view: ImportView;
  busy: boolean;
  onPatch: (body: object) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const label = (name: string) => view.fields.find((f) => f.name === name)?.label ?? name;
  const fieldOptions = [
    { value: '', label: t('imports.skipColumn') },
    ...view.fields.map((f) => ({ value: f.name, label: `${f.label}${f.required ? ' *' : ''}` })),
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'file', label: t('imports.file'), children: view.fileName },
          {
            key: 'encoding',
            label: t('imports.encoding'),
            children: view.encoding === 'gb18030' ? 'GBK / GB18030' : view.format === 'xlsx' ? 'Excel' : 'UTF-8',
          },
          { key: 'columns', label: t('imports.columns'), children: view.headers.length },
        ]}
      />
      <Card size="small" title={t('imports.mappingTitle')}>
        <div style={{ overflowX: 'auto' }}>
          <Table
            size="small"
            pagination={false}
            rowKey="index"
            dataSource={view.mapping}
            columns={[
              { title: t('imports.header'), dataIndex: 'header', key: 'header' },
              {
                title: t('imports.field'),
                key: 'field',
                render: (_, column) => (
                  <Select
                    aria-label={t('imports.fieldFor', { header: column.header })}
                    style={{ minWidth: 200 }}
                    value={column.field ?? ''}
                    options={fieldOptions}
                    showSearch={{ optionFilterProp: 'label' }}
                    onChange={(field: string) => onPatch({ mapping: [{ index: column.index, field: field || null }] })}
                  />
                ),
              },
              {
                title: t('imports.sample'),
                key: 'sample',
                render: (_, column) =>
                  view.preview
                    .slice(0, 3)
                    .map((row) => row[column.index] ?? '')
                    .filter(Boolean)
                    .join('、'),
              },
            ]}
          />
        </div>
        {view.missingRequired.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('imports.missingRequired', { fields: view.missingRequired.map(label).join('、') })}
          />
        )}
      </Card>
      <Card size="small" title={t('imports.previewTitle', { count: view.preview.length })}>
        <div style={{ overflowX: 'auto' }}>
          <Table
            size="small"
            pagination={false}
            rowKey={(_, i) => String(i)}
            dataSource={view.preview.map((cells, i) => ({ cells, i }))}
            columns={view.headers.map((header, index) => ({
              title: header,
              key: String(index),
              render: (_: unknown, row: { cells: string[] }) => row.cells[index] ?? '',
            }))}
          />
        </div>
      </Card>
      <Card size="small" title={t('imports.duplicatesTitle')}>
        <Radio.Group
          value={view.duplicatePolicy}
          onChange={(e) => onPatch({ duplicatePolicy: e.target.value as DuplicatePolicy })}
          options={(['skip', 'update', 'create'] as const).map((policy) => ({
            value: policy,
            label: t(`imports.policies.${policy}`),
          }))}
        />
      </Card>
      <Space>
        <Button type="primary" size="large" loading={busy} disabled={view.missingRequired.length > 0} onClick={onStart}>
          {t('imports.start')}
        </Button>
      </Space>
    </Flex>
  );
}

function RunStep({
  entity,
  view,
  busy,
  onRun,
}: {
  entity: EntityMeta;
  view: ImportView;
  busy: boolean;
  onRun: (action: 'resume' | 'rollback') => void;
}) {
  const { t } = useTranslation();
  const { progress } = view;
  const percent = progress.total ? Math.floor((progress.done / progress.total) * 100) : 0;
  const running = RUNNING.has(view.status);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }} role="status">
        {t(`imports.status.${view.status}`)}
      </Typography.Title>
      <Progress percent={percent} status={view.status === 'interrupted' ? 'exception' : running ? 'active' : 'success'} />
      <Typography.Paragraph>
        {t('imports.counts', {
          done: progress.done,
          total: progress.total ?? '…',
          created: progress.created,
          updated: progress.updated,
          skipped: progress.skipped,
          failed: progress.failed,
        })}
        {progress.rolledBack > 0 && ` ${t('imports.rolledBackCount', { count: progress.rolledBack })}`}
      </Typography.Paragraph>
      {view.lastError && <Alert type="error" showIcon title={view.lastError} />}
      <Space wrap>
        {progress.failed > 0 && (
          <Button href={`/api/v1/imports/${view.id}/errors`} download>
            {t('imports.errorReport', { count: progress.failed })}
          </Button>
        )}
        {view.status === 'interrupted' && (
          <Button type="primary" loading={busy} onClick={() => onRun('resume')}>
            {t('imports.resume')}
          </Button>
        )}
        {(view.status === 'done' || view.status === 'interrupted') && progress.created > 0 && (
          <Popconfirm
            title={t('imports.rollbackTitle')}
            description={t('imports.rollbackText')}
            okText={t('records.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('records.cancel')}
            onConfirm={() => onRun('rollback')}
          >
            <Button danger loading={busy}>
              {t('imports.rollback', { count: progress.created })}
            </Button>
          </Popconfirm>
        )}
        {!running && <Link to={`/${entity.plural}`}>{t('imports.backToList', { type: entity.label })}</Link>}
      </Space>
    </Flex>
  );
}
