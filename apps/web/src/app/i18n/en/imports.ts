/** Import data (en). Same keys as zh-CN/imports.ts. */
export const importsEn = {
  imports: {
    title: 'Import data',
  },
};
