import { useState } from 'react';

/**
 * A form that opens under a button (发起活动, 添加兑换项目): open or closed, and the draft being typed. `onToggle`
 * runs when the button opens or closes it (clear the screen's message, close another form).
 */
export function useDraftForm<D extends object>(empty: D, onToggle: () => void) {
  const [formOpen, setFormOpen] = useState(false);
  const [draft, setDraft] = useState<D>(empty);
  return {
    formOpen,
    toggleForm: () => {
      setFormOpen(!formOpen);
      onToggle();
    },
    draft,
    edit: (patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch })),
    /** Opens the form (e.g. arriving from another screen to fill it), leaving the message as it is. */
    openForm: () => setFormOpen(true),
    closeForm: () => setFormOpen(false),
    /** After a successful save: closed, and empty when opened again. */
    resetForm: () => {
      setFormOpen(false);
      setDraft(empty);
    },
  };
}
