import type { trainingZh } from '../zh-CN/training.ts';
import type { Messages } from '../zh-CN.ts';

export const trainingEn: Messages<typeof trainingZh> = {
  training: {
    nav: {
      label: 'Training pages',
      mine: 'My learning',
      catalogue: 'Course catalogue',
      team: 'Team compliance',
      skills: 'Skills matrix',
      plans: 'Development plans',
      settings: 'Settings',
    },
    categories: {
      product: 'Product',
      sales_skills: 'Sales skills',
      negotiation: 'Negotiation',
      industry: 'Industry',
      compliance: 'Compliance',
    },
    formats: { online: 'Online', classroom: 'Classroom', video: 'Video', document: 'Document', workshop: 'Workshop' },
    sources: { internal: 'Internal', external: 'External' },
    statuses: { assigned: 'Assigned', in_progress: 'In progress', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' },
    certificationStatuses: { valid: 'Valid', expiring: 'Expiring', expired: 'Expired' },
    enrolmentSources: { manual: 'Assigned', trigger: 'Outcome trigger', recertification: 'Re-certification' },
    overdue: 'Overdue',
    minutes: '{{count}} min',
  },
};
