import { useEffect } from 'react';

/**
 * While a form holds edits not yet saved, closing or reloading the tab asks first: the
 * organiser's typing would otherwise be lost without a word.
 */
export function useLeaveWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
