// Showing the core's errors next to the field they name. The core words every error as
// "<path>: <what was expected>", e.g. "policy.me.work_email: expected an e-mail address ...".

/** The path an error message names ("policy.me.companies[2]" -> "me.companies"), or "". */
export function errorPath(message, prefix) {
  const colon = message.indexOf(': ');
  if (colon < 0) return '';
  let path = message.slice(0, colon).replace(/\[\d+\]/g, '');
  if (prefix && path.startsWith(`${prefix}.`)) path = path.slice(prefix.length + 1);
  return path;
}

/** The id of the input an error belongs to, following `fields` (path -> input id); longest path wins. */
export function fieldFor(message, prefix, fields) {
  const path = errorPath(message, prefix);
  const known = Object.keys(fields).sort((a, b) => b.length - a.length);
  const hit = known.find((p) => path === p || path.startsWith(`${p}.`) || message.includes(`${p}:`));
  return hit ? fields[hit] : null;
}

/** Marks the input `id` invalid and shows `message` in its error slot (`<id>-error`). */
export function showFieldError(id, message) {
  const input = document.getElementById(id);
  const slot = document.getElementById(`${id}-error`);
  if (input) input.setAttribute('aria-invalid', 'true');
  if (slot) {
    slot.textContent = message;
    slot.hidden = false;
  }
}

/** Clears every error slot and invalid mark inside `container`. */
export function clearFieldErrors(container) {
  for (const input of container.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const slot of container.querySelectorAll('.field-error')) {
    slot.textContent = '';
    slot.hidden = true;
  }
}

/** Text area content as a list: one entry a line, trimmed, empty lines dropped. */
export const linesToList = (text) => text.split('\n').map((s) => s.trim()).filter(Boolean);

/** A non-negative whole number from an input, or undefined when it is empty. */
export function wholeNumber(text) {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text; // anything else goes to the core, which names the field
}
