/** 导出 (zh-CN). en/exports.ts has the same keys. */
export const exportsZh = {
  exports: {
    button: '导出',
    activities: '导出跟进记录',
    hint: '按当前筛选条件导出全部记录',
    csv: 'CSV 文件 (.csv)',
    xlsx: 'Excel 文件 (.xlsx)',
  },
};
