/** Export (en). Same keys as zh-CN/exports.ts. */
export const exportsEn = {
  exports: {
    button: 'Export',
  },
};
