import { DRAFT_KEY, type Draft, decodeDraft, encodeDraft } from './onboarding-draft';

// Storage can be missing or refuse (private windows, full quota): the draft is a convenience,
// so a failure only means it is not kept.

export function readDraft(): Draft | null {
  try {
    return decodeDraft(window.localStorage.getItem(DRAFT_KEY));
  } catch {
    return null;
  }
}

export function writeDraft(draft: Draft): void {
  try {
    window.localStorage.setItem(DRAFT_KEY, encodeDraft(draft));
  } catch {
    // not kept
  }
}

export function clearDraft(): void {
  try {
    window.localStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing to clear
  }
}
