// 导出 on a list: the view as CSV straight away, or as Excel built in the background with a progress bar and a
// download when it is ready. Both export the view's filters, sort and columns, checked with the export right.
import { useState } from 'react';
import { App, Button, Dropdown, Modal, Progress, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, ExportView } from '@guanxi/contracts';
import { api } from '../../platform/api.ts';
import { errorMessage } from '../../platform/formErrors.ts';
import { exportUrl } from '../records/records.api.ts';

interface Props {
  entity: EntityMeta;
  /** The list's query string, columns included (`fields=`). */
  query: string;
}

export function ExportMenu({ entity, query }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exportId, setExportId] = useState<string | null>(null);

  const startXlsx = async () => {
    try {
      const started = await api.post<ExportView>('/exports', {
        recordType: entity.name,
        format: 'xlsx',
        query: Object.fromEntries(new URLSearchParams(query)),
      });
      setExportId(started.id);
    } catch (err) {
      void message.error(errorMessage(t, err));
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'csv',
              label: (
                <a href={exportUrl(entity.plural, query)} download>
                  {t('imports.exportCsv')}
                </a>
              ),
            },
            { key: 'xlsx', label: t('imports.exportXlsx') },
          ],
          onClick: ({ key }) => key === 'xlsx' && void startXlsx(),
        }}
      >
        <Button>{t('records.list.export')} ▾</Button>
      </Dropdown>
      {exportId && <ExportProgress id={exportId} onClose={() => setExportId(null)} />}
    </>
  );
}

function ExportProgress({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: ['exports', id],
    queryFn: () => api.get<ExportView>(`/exports/${id}`),
    refetchInterval: (query) => (query.state.data?.status === 'done' || query.state.data?.status === 'failed' ? false : 1000),
  });
  const view = job.data;
  const percent = view?.progress.total ? Math.floor((view.progress.done / view.progress.total) * 100) : 0;
  return (
    <Modal open title={t('imports.exportXlsx')} onCancel={onClose} footer={null}>
      {view?.status === 'done' ? (
        <>
          <Typography.Paragraph role="status">{t('imports.exportReady')}</Typography.Paragraph>
          <Button type="primary" href={`/api/v1/exports/${id}/file`} download>
            {t('imports.exportDownload')}
          </Button>
        </>
      ) : view?.status === 'failed' ? (
        <Typography.Text type="danger">{t('imports.exportFailed', { reason: view.lastError ?? '' })}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph role="status">{t('imports.exportRunning')}</Typography.Paragraph>
          <Progress percent={percent} status="active" />
        </>
      )}
    </Modal>
  );
}
