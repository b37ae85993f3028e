import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../shared/StatusPages.tsx';
import { CourseDetail } from '../learning/CourseDetail.tsx';
import { CourseList } from '../learning/CourseList.tsx';

/** 课程目录 (/training/courses/*): the catalogue, and one course at /training/courses/:courseId. */
export function CourseCataloguePage() {
  return (
    <Routes>
      <Route index element={<CourseList />} />
      <Route path=":courseId" element={<CourseDetail />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
