import { Route, Routes } from 'react-router';
import { RequireRoles } from '../../app/guards.tsx';
import { NotFoundPage } from '../../shared/StatusPages.tsx';
import { CommissionsPage } from '../commissions/pages/CommissionsPage.tsx';
import { LevelEvaluationPage } from '../levels/pages/LevelEvaluationPage.tsx';
import { LEVEL_PAGE_ROLES, SETTINGS_PAGE_ROLES, TEAM_PAGE_ROLES } from './access.ts';
import { PerformanceNav } from './components/PerformanceNav.tsx';
import { LeaderboardPage } from './pages/LeaderboardPage.tsx';
import { MyScorecardPage } from './pages/MyScorecardPage.tsx';
import { PerformanceSettingsPage } from './pages/PerformanceSettingsPage.tsx';
import { ReviewsPage } from './pages/ReviewsPage.tsx';
import { TeamScorecardsPage } from './pages/TeamScorecardsPage.tsx';

/** 绩效: every page of the performance ladder, under /performance, with the tab bar across them. */
export function PerformanceRoutes() {
  return (
    <>
      <PerformanceNav />
      <Routes>
        <Route index element={<MyScorecardPage />} />
        <Route element={<RequireRoles roles={TEAM_PAGE_ROLES} />}>
          <Route path="team" element={<TeamScorecardsPage />} />
        </Route>
        <Route path="leaderboard" element={<LeaderboardPage />} />
        <Route path="reviews" element={<ReviewsPage />} />
        <Route element={<RequireRoles roles={LEVEL_PAGE_ROLES} />}>
          <Route path="levels" element={<LevelEvaluationPage />} />
        </Route>
        <Route path="commissions" element={<CommissionsPage />} />
        <Route element={<RequireRoles roles={SETTINGS_PAGE_ROLES} />}>
          <Route path="settings" element={<PerformanceSettingsPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
