// antd's theme with colours that meet WCAG AA contrast (4.5:1 for text): antd's default blue (#1677ff) and its
// grey secondary text (45 % black) fall short on white, which axe reports as serious.
import type { ThemeConfig } from 'antd';

const PRIMARY = '#0958d9'; // antd blue-7

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    colorError: '#cf1322', // red-7: danger buttons and menu items
    colorSuccess: '#389e0d',
    colorSuccessText: '#237804', // green-8: "✓ 已保存" and other success words on white
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  },
  components: {
    // "暂无数据" in an empty table or list is drawn in the disabled grey; it is text to read, not a disabled control.
    Empty: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
  },
};
