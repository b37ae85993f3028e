import type { TTask } from '@tierline/contracts';
import { useEffect, useState } from 'react';

/** The task whose dialog is showing, kept through the closing animation so the dialog does not blank as it fades. */
export function useShownTask(task: TTask | null): TTask | null {
  const [shown, setShown] = useState(task);
  useEffect(() => {
    if (task) setShown(task);
  }, [task]);
  return task ?? shown;
}
