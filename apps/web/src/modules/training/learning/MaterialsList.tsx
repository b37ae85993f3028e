import { FileTextOutlined, LinkOutlined } from '@ant-design/icons';
import type { TCourse } from '@tierline/contracts';
import { Collapse, Empty, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { safeHref } from './enrolmentDisplay.ts';

/**
 * A course's materials: texts as plain text (React escapes them; line breaks kept), links opening in a new tab
 * without giving the other site a handle on this one (rel=noopener noreferrer).
 */
export function MaterialsList({ materials }: { materials: TCourse['materials'] }) {
  const { t } = useTranslation();
  if (materials.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('trainingLearning.course.noMaterials')} />;
  const texts = materials.flatMap((m, i) => (m.kind === 'text' ? [{ ...m, index: i }] : []));
  const links = materials.flatMap((m, i) => (m.kind === 'link' ? [{ ...m, index: i }] : []));
  return (
    <Flex vertical gap={12} data-testid="course-materials">
      {links.length > 0 && (
        <Flex vertical gap={4}>
          {links.map((m) => {
            const href = safeHref(m.url);
            return (
              <span key={m.index}>
                <LinkOutlined style={{ marginInlineEnd: 6 }} />
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {m.title}
                  </a>
                ) : (
                  <Typography.Text>{m.title}</Typography.Text>
                )}
              </span>
            );
          })}
        </Flex>
      )}
      {texts.length > 0 && (
        <Collapse
          size="small"
          defaultActiveKey={texts.length === 1 ? [String(texts[0]?.index)] : []}
          items={texts.map((m) => ({
            key: String(m.index),
            label: (
              <span>
                <FileTextOutlined style={{ marginInlineEnd: 6 }} />
                {m.title}
              </span>
            ),
            children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>,
          }))}
        />
      )}
    </Flex>
  );
}
