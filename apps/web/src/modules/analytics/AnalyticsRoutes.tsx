import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/StatusPages.tsx';
import { AnalyticsNav } from './components/AnalyticsNav.tsx';
import { ForecastPage } from './pages/ForecastPage.tsx';
import { MarketPage } from './pages/MarketPage.tsx';
import { PipelineAnalyticsPage } from './pages/PipelineAnalyticsPage.tsx';
import { TierAnalyticsPage } from './pages/TierAnalyticsPage.tsx';

/** 数据分析: the analytics pages under /analytics, with the tab bar across them (dashboards live on 工作台, /). */
export function AnalyticsRoutes() {
  return (
    <>
      <AnalyticsNav />
      <Routes>
        <Route index element={<PipelineAnalyticsPage />} />
        <Route path="forecast" element={<ForecastPage />} />
        <Route path="tiers" element={<TierAnalyticsPage />} />
        <Route path="market" element={<MarketPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
