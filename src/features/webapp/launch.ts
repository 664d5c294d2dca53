/**
 * The browser side of the web app step: an auto-submitting form, built here in the page and never
 * rendered, that POSTs the fields to the app (application/x-www-form-urlencoded) in the named target.
 * The token is in the body only: not in a URL, not in history, and the page sends no Referer.
 */
export function submitAppForm(uri: string, fields: readonly (readonly [string, string])[], target: string): void {
  const form = document.createElement('form');
  form.method = 'post';
  form.action = uri;
  form.enctype = 'application/x-www-form-urlencoded';
  form.target = target;
  form.rel = 'noreferrer';
  form.hidden = true;
  for (const [name, value] of fields) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  try {
    form.submit();
  } finally {
    form.remove();
  }
}

export const FRAME_NAME = 'ocm-webapp-lab-frame';
export const POPUP_NAME = 'ocm-webapp-lab-popup';

/**
 * Opens the popup inside the click itself (an empty window the form fills once the token is there), so
 * a popup blocker sees a user gesture. null means the browser blocked it.
 */
export function openPopupNow(): Window | null {
  return window.open('about:blank', POPUP_NAME, 'popup,width=900,height=700');
}
