/** 数据导入 (zh-CN). en/imports.ts has the same keys. */
export const importsZh = {
  imports: {
    title: '数据导入',
  },
};
