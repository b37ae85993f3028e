import { Badge } from 'antd';
import { type ItemKind, KIND_COLORS } from '../calendarItems.ts';

/** The colour of a kind of follow-up as a dot, with the kind's name beside it when given. */
export function KindDot({ kind, text }: { kind: ItemKind; text?: string }) {
  // "other" has no preset colour: antd's neutral status dot.
  return kind === 'other' ? <Badge status="default" text={text} /> : <Badge color={KIND_COLORS[kind]} text={text} />;
}
