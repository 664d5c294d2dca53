import { useEffect, useState, type RefObject } from 'react';

export interface AppMessage {
  at: string;
  origin: string;
  from: 'iframe' | 'side-by-side iframe' | 'popup' | 'redirect tab' | 'another window';
  /** The message itself (remote data: read, never rendered as markup). */
  data: unknown;
  /** The message as JSON text (remote data: shown as text, cut at 500 characters). */
  text: string;
}

/** Every postMessage this page receives from another origin, and which of the lab's windows sent it. */
export function useAppMessages(windows: {
  frame: RefObject<HTMLIFrameElement | null>;
  popup: RefObject<Window | null>;
  sideFrame?: RefObject<HTMLIFrameElement | null>;
  tab?: RefObject<Window | null>;
}): AppMessage[] {
  const { frame, popup, sideFrame, tab } = windows;
  const [messages, setMessages] = useState<AppMessage[]>([]);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      let text: string;
      try {
        text = JSON.stringify(e.data) ?? String(e.data);
      } catch {
        text = String(e.data);
      }
      const from =
        e.source === frame.current?.contentWindow
          ? 'iframe'
          : sideFrame?.current && e.source === sideFrame.current.contentWindow
            ? 'side-by-side iframe'
            : e.source === popup.current
              ? 'popup'
              : tab?.current && e.source === tab.current
                ? 'redirect tab'
                : 'another window';
      // This console's own pages talk on its origin too; its own web app does so only from the lab's windows.
      if (e.origin === window.location.origin && from === 'another window') return;
      setMessages((m) => [
        ...m,
        { at: new Date().toLocaleTimeString(), origin: e.origin, from, text: text.slice(0, 500), data: e.data },
      ]);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame, popup, sideFrame, tab]);
  return messages;
}

export function MessageLog({ messages }: { messages: AppMessage[] }) {
  return (
    <section aria-label="Messages from the app" className="space-y-1">
      <h3 className="text-sm font-semibold">postMessage log</h3>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No message from an app window yet.</p>
      ) : (
        <ol className="space-y-1 font-mono text-xs">
          {messages.map((m, i) => (
            <li key={i} className="break-all">
              {m.at} · {m.from} · {m.origin} · {m.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
