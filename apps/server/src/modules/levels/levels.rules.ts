/** The ladder every new organisation starts with; organisations may rename, add or reorder levels. */
export const DEFAULT_LEVELS = [
  { key: 'junior', nameZh: '初级', nameEn: 'Junior', rank: 1 },
  { key: 'mid', nameZh: '中级', nameEn: 'Mid', rank: 2 },
  { key: 'senior', nameZh: '高级', nameEn: 'Senior', rank: 3 },
] as const;
