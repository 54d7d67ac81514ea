// What the settings part adds to the app: nothing to register — 商务设置 is reached from 系统管理's tabs
// (modules/admin/AdminLayout.tsx) and the command palette's admin pages.
export {};
