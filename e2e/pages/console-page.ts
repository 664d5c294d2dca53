import { expect, type Page } from '@playwright/test';

/** The console as a user meets it, plus the two things every journey watches: console errors and foreign requests. */
export class ConsolePage {
  readonly consoleErrors: string[] = [];
  readonly foreignRequests: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => this.consoleErrors.push(err.message));
    page.on('request', (req) => {
      const url = new URL(req.url());
      const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
      if (!local) this.foreignRequests.push(req.url());
    });
  }

  async open(path = '/') {
    await this.page.goto(path);
    await expect(this.page.getByRole('status', { name: 'Server status' })).toContainText(/Server v\d+\.\d+\.\d+ · up/);
  }

  nav() {
    return this.page.getByRole('navigation', { name: 'Jobs' });
  }

  async openJob(label: string) {
    await this.nav().getByRole('link', { name: label, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: label })).toBeVisible();
  }

  /**
   * No console errors and no request off this machine. `allowStatuses` lists HTTP statuses a journey
   * provokes on purpose (Chromium logs every 4xx answer to fetch as a console error).
   */
  expectClean(options: { allowStatuses?: number[] } = {}) {
    const allowed = (options.allowStatuses ?? []).map(
      (s) => `Failed to load resource: the server responded with a status of ${s} `,
    );
    const errors = this.consoleErrors.filter((e) => !allowed.some((a) => e.startsWith(a)));
    expect(errors, 'browser console errors').toEqual([]);
    expect(this.foreignRequests, 'requests that left 127.0.0.1').toEqual([]);
  }
}
