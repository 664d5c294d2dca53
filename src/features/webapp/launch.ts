/**
 * The browser side of the web app step: an auto-submitting form, built here in the page and never
 * rendered, that POSTs the fields to the app (application/x-www-form-urlencoded) in the named target.
 * The token is in the body only: not in a URL, not in history, and the page sends no Referer.
 */
export function submitAppForm(
  uri: string,
  fields: readonly (readonly [string, string])[],
  target: string,
  doc: Document = document,
): void {
  const form = doc.createElement('form');
  form.method = 'post';
  form.action = uri;
  form.enctype = 'application/x-www-form-urlencoded';
  form.target = target;
  form.rel = 'noreferrer';
  form.hidden = true;
  for (const [name, value] of fields) {
    const input = doc.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  doc.body.append(form);
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

export const SIDE_FRAME_NAME = 'ocm-webapp-lab-side-frame';
export const REDIRECT_TAB_NAME = 'ocm-webapp-lab-redirect-tab';

/**
 * Opens an empty tab of its own inside the click, for a redirect beside the other modes: once the token
 * is there, the form is built in that tab's document and submitted with target `_top`, so the tab itself
 * goes to the app as a redirect does. null means the browser blocked it.
 */
export function openTabNow(): Window | null {
  return window.open('about:blank', REDIRECT_TAB_NAME);
}
