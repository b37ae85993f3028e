/** 导出 (zh-CN). en/exports.ts has the same keys. */
export const exportsZh = {
  exports: {
    button: '导出',
  },
};
