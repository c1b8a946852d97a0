// Accessible form fields: a visible label, an optional hint, and an error slot tied to the input with
// aria-describedby; aria-invalid marks the broken field. API problems land at the field they name.
import { h, uid } from './dom.js';
import { korean, problemText } from './messages.js';

/**
 * A labelled field. `apiField` is the API's name for it (e.g. "store.businessNumber"), so a problem naming that
 * field shows here. kind: 'input' (default), 'select' (options [[value, text]]), 'textarea'.
 */
export function field({ label, apiField, kind = 'input', hint, options = [], ...attrs }) {
  const id = uid('f');
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : null;
  const control = kind === 'select'
    ? h('select', { id, ...attrs }, options.map(([value, text]) => h('option', { value }, text)))
    : h(kind, { id, type: kind === 'input' ? (attrs.type ?? 'text') : undefined, ...attrs });
  if (kind === 'select' && attrs.value !== undefined) control.value = attrs.value;
  control.dataset.apiField = apiField ?? attrs.name ?? '';
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const error = h('p', { id: errorId, class: 'field-error' });
  const wrapper = h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { id: hintId, class: 'hint muted' }, hint) : null,
    control, error);
  return { wrapper, control, setError: (message) => setError(control, message) };
}

export function setError(control, message) {
  if (control.matches('.field-error')) {
    // a message slot standing for a group (e.g. "choose at least one channel")
    control.textContent = message;
    return;
  }
  // a group of radios shares one error slot named after the group
  const error = document.getElementById(`${control.id}-error`) ?? document.getElementById(`${control.name}-error`);
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
  if (error) error.textContent = message;
}

/** Clears every field error and the form's own message. */
export function clearErrors(form) {
  form.querySelectorAll('[data-api-field]').forEach((control) => setError(control, ''));
  const alert = form.querySelector('.form-alert');
  if (alert) alert.textContent = '';
}

/** The form-level message slot (role=alert): for problems that name no field on this form. */
export function formAlert() {
  return h('p', { class: 'form-alert error', role: 'alert', tabindex: '-1' });
}

/**
 * Shows an API error on the form: each {field, message} at its field (Korean), the rest in the form's alert.
 * Focuses the first broken field so a keyboard or screen-reader user lands on it. Returns true when any field matched.
 */
export function showProblem(form, error) {
  clearErrors(form);
  const controls = [...form.querySelectorAll('[data-api-field]')];
  const unmatched = [];
  let first = null;
  for (const violation of error.errors ?? []) {
    const control = controls.find((c) => c.dataset.apiField === violation.field)
      ?? controls.find((c) => c.dataset.apiField && violation.field.endsWith(`.${c.dataset.apiField}`));
    if (control) {
      setError(control, korean(violation.message));
      first ??= control;
    } else {
      unmatched.push(korean(violation.message));
    }
  }
  const alert = form.querySelector('.form-alert');
  if (alert && (unmatched.length || !first)) {
    alert.textContent = unmatched.length ? unmatched.join(' ') : problemText(error);
  }
  (first ?? alert)?.focus?.();
  return first !== null;
}

/** Disables the submit button while the request runs, so a double tap sends it once. */
export async function busy(button, text, work) {
  const original = button.textContent;
  button.disabled = true;
  button.textContent = text;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.textContent = original;
  }
}
