// 简体中文 / 繁體中文 / English: switches the interface at once and, when signed in, saves the choice on the account.
import { App, Select } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Me } from '@guanxi/contracts';
import { api, ApiError } from '../platform/api.ts';
import { changeLocale, currentLocale, LOCALE_NAMES, LOCALES, type Locale } from './i18n/i18n.ts';
import { sessionKey } from './session.ts';

const OPTIONS = LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }));

async function saveOnAccount(locale: Locale): Promise<void> {
  try {
    await api.put('/auth/me/locale', { locale });
  } catch (err) {
    // A server without the endpoint yet answers 404: the browser keeps the choice anyway.
    if (!(err instanceof ApiError && err.status === 404)) throw err;
  }
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const onChange = async (locale: Locale) => {
    await changeLocale(locale);
    const session = queryClient.getQueryData<Me | null>(sessionKey);
    if (!session) return;
    try {
      await saveOnAccount(locale);
      queryClient.setQueryData<Me>(sessionKey, { ...session, user: { ...session.user, locale } });
    } catch {
      void message.warning(t('shell.localeSaveFailed'));
    }
  };

  return (
    <Select<Locale>
      aria-label={t('language.label')}
      value={currentLocale()}
      options={OPTIONS}
      onChange={(locale) => void onChange(locale)}
      popupMatchSelectWidth={false}
      style={{ minWidth: 104 }}
    />
  );
}
