import type { Ref } from 'react';
import { SelectField, TextField } from '../../ui/field.tsx';
import { FRAME_NAME } from './launch.ts';

export const SANDBOX_PRESETS = {
  none: '',
  strict: 'allow-scripts allow-forms',
  office:
    'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals',
} as const;

export interface FrameSettings {
  /** Empty: no sandbox attribute at all. */
  sandbox: string;
  allow: string;
  referrerPolicy: ReferrerPolicy;
}

const presetOf = (sandbox: string) =>
  (Object.keys(SANDBOX_PRESETS) as (keyof typeof SANDBOX_PRESETS)[]).find((k) => SANDBOX_PRESETS[k] === sandbox) ??
  'custom';

/** The iframe mode's panel: the frame the form targets, with its sandbox, allow and referrerpolicy editable. */
export function FramePanel({
  ref,
  settings,
  onSettings,
  opened,
  messages,
}: {
  ref: Ref<HTMLIFrameElement>;
  settings: FrameSettings;
  onSettings: (s: FrameSettings) => void;
  /** How many times the iframe mode was opened (0: not yet). */
  opened: number;
  /** Messages received from the framed app. */
  messages: number;
}) {
  const set = (patch: Partial<FrameSettings>) => onSettings({ ...settings, ...patch });
  return (
    <section aria-label="Iframe" className="space-y-2">
      <h3 className="text-sm font-semibold">Iframe</h3>
      <div className="grid gap-2 sm:grid-cols-4">
        <SelectField<string>
          label="sandbox preset"
          value={presetOf(settings.sandbox)}
          onValue={(k) => {
            if (k in SANDBOX_PRESETS) set({ sandbox: SANDBOX_PRESETS[k as keyof typeof SANDBOX_PRESETS] });
          }}
        >
          <option value="none">none (no sandbox attribute)</option>
          <option value="strict">strict</option>
          <option value="office">typical office suite</option>
          <option value="custom" disabled>
            custom
          </option>
        </SelectField>
        <TextField mono label="sandbox" value={settings.sandbox} onValue={(sandbox) => set({ sandbox })} />
        <TextField mono label="allow" value={settings.allow} onValue={(allow) => set({ allow })} />
        <SelectField<ReferrerPolicy>
          label="referrerpolicy"
          value={settings.referrerPolicy}
          onValue={(referrerPolicy) => set({ referrerPolicy })}
        >
          <option value="no-referrer">no-referrer</option>
          <option value="origin">origin</option>
          <option value="strict-origin-when-cross-origin">strict-origin-when-cross-origin</option>
        </SelectField>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Changes apply the next time the app is opened in the frame.{' '}
        {opened ? `Opened ${opened} time(s); ${messages} message(s) from the framed app so far.` : 'Not opened yet.'}
      </p>
      <div className="relative">
        <iframe
          ref={ref}
          name={FRAME_NAME}
          title="Web app in the iframe"
          className={`h-96 w-full rounded border border-slate-300 dark:border-slate-700 ${opened ? 'bg-white' : 'bg-slate-50 dark:bg-slate-900'}`}
          {...(settings.sandbox ? { sandbox: settings.sandbox } : {})}
          allow={settings.allow}
          referrerPolicy={settings.referrerPolicy}
        />
        {opened ? null : (
          <p className="pointer-events-none absolute inset-0 flex items-center justify-center p-4 text-center text-sm text-slate-600 dark:text-slate-400">
            The app opens here when you press &ldquo;Open in iframe&rdquo; (or &ldquo;Open all three&rdquo;).
          </p>
        )}
      </div>
    </section>
  );
}
