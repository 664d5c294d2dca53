import { useEffect, useState, type RefObject } from 'react';

export interface AppMessage {
  at: string;
  origin: string;
  from: 'iframe' | 'popup' | 'another window';
  /** The message as JSON text (remote data: shown as text, cut at 500 characters). */
  text: string;
}

/** Every postMessage this page receives from another origin, and which of the lab's windows sent it. */
export function useAppMessages(
  frame: RefObject<HTMLIFrameElement | null>,
  popup: RefObject<Window | null>,
): AppMessage[] {
  const [messages, setMessages] = useState<AppMessage[]>([]);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin === window.location.origin) return;
      let text: string;
      try {
        text = JSON.stringify(e.data) ?? String(e.data);
      } catch {
        text = String(e.data);
      }
      const from =
        e.source === frame.current?.contentWindow ? 'iframe' : e.source === popup.current ? 'popup' : 'another window';
      setMessages((m) => [
        ...m,
        { at: new Date().toLocaleTimeString(), origin: e.origin, from, text: text.slice(0, 500) },
      ]);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frame, popup]);
  return messages;
}

export function MessageLog({ messages }: { messages: AppMessage[] }) {
  return (
    <section aria-label="Messages from the app" className="space-y-1">
      <h3 className="text-sm font-semibold">postMessage log</h3>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-500">No message from an app window yet.</p>
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
