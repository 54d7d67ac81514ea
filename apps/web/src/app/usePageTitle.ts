// The browser tab's title for the page on screen: "客户 · 关系 Guanxi · 客户关系管理". Pages call it with their own
// heading (a record page with the record's title); it follows the interface language.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const product = t('app.documentTitle');
  useEffect(() => {
    document.title = title ? `${title} · ${product}` : product;
    return () => {
      document.title = product;
    };
  }, [title, product]);
}
