/** Export (en). Same keys as zh-CN/exports.ts. */
export const exportsEn = {
  exports: {
    button: 'Export',
    activities: 'Export activities',
    hint: 'Export every record that matches the current filters',
    csv: 'CSV file (.csv)',
    xlsx: 'Excel file (.xlsx)',
  },
};
