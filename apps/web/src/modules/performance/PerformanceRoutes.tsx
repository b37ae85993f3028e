import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/StatusPages.tsx';
import { CommissionsPage } from '../commissions/pages/CommissionsPage.tsx';
import { LevelEvaluationPage } from '../levels/pages/LevelEvaluationPage.tsx';
import { LeaderboardPage } from './pages/LeaderboardPage.tsx';
import { MyScorecardPage } from './pages/MyScorecardPage.tsx';
import { PerformanceSettingsPage } from './pages/PerformanceSettingsPage.tsx';
import { ReviewsPage } from './pages/ReviewsPage.tsx';
import { TeamScorecardsPage } from './pages/TeamScorecardsPage.tsx';

/** 绩效: every page of the performance ladder, under /performance. */
export function PerformanceRoutes() {
  return (
    <Routes>
      <Route index element={<MyScorecardPage />} />
      <Route path="team" element={<TeamScorecardsPage />} />
      <Route path="leaderboard" element={<LeaderboardPage />} />
      <Route path="reviews" element={<ReviewsPage />} />
      <Route path="levels" element={<LevelEvaluationPage />} />
      <Route path="commissions" element={<CommissionsPage />} />
      <Route path="settings" element={<PerformanceSettingsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
