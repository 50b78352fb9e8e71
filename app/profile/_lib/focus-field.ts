import { invalidFields } from './field-messages';

/**
 * Moves focus to the first field with an error, in form order (a group's first input when the
 * field is a group). False when none of them is on the page.
 */
export function focusFirstInvalid(errors: Record<string, string[]>): boolean {
  for (const field of invalidFields(errors)) {
    const el = document.getElementById(field.control);
    if (!el) continue;
    const target = el.matches('input, select, textarea, button')
      ? el
      : el.querySelector<HTMLElement>('input, select, textarea, button');
    if (target) {
      target.focus();
      return true;
    }
  }
  return false;
}
