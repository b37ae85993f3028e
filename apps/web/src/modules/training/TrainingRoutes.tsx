import { Route, Routes } from 'react-router';
import { RequireRoles } from '../../app/guards.tsx';
import { NotFoundPage } from '../../shared/StatusPages.tsx';
import { TEAM_TRAINING_ROLES, TRAINING_ADMIN_ROLES } from './access.ts';
import { TrainingNav } from './components/TrainingNav.tsx';
import { CourseCataloguePage } from './pages/CourseCataloguePage.tsx';
import { DevelopmentPlanPage } from './pages/DevelopmentPlanPage.tsx';
import { DevelopmentPlansPage } from './pages/DevelopmentPlansPage.tsx';
import { MyLearningPage } from './pages/MyLearningPage.tsx';
import { SkillsMatrixPage } from './pages/SkillsMatrixPage.tsx';
import { TeamCompliancePage } from './pages/TeamCompliancePage.tsx';
import { TrainingSettingsPage } from './pages/TrainingSettingsPage.tsx';

/** 培训: every training page under /training, with the tab bar across them. */
export function TrainingRoutes() {
  return (
    <>
      <TrainingNav />
      <Routes>
        <Route index element={<MyLearningPage />} />
        <Route path="courses/*" element={<CourseCataloguePage />} />
        <Route element={<RequireRoles roles={TEAM_TRAINING_ROLES} />}>
          <Route path="team" element={<TeamCompliancePage />} />
        </Route>
        <Route path="skills" element={<SkillsMatrixPage />} />
        <Route path="plans" element={<DevelopmentPlansPage />} />
        <Route path="plans/:planId" element={<DevelopmentPlanPage />} />
        <Route element={<RequireRoles roles={TRAINING_ADMIN_ROLES} />}>
          <Route path="settings" element={<TrainingSettingsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
