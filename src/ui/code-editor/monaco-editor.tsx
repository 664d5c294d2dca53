import Editor from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { useTheme } from '../theme.tsx';
import { monaco, setModelSchema } from './monaco-setup.ts';
import type { CodeEditorProps, EditorProblem } from './types.ts';

const SEVERITY: Record<number, EditorProblem['severity']> = {
  [monaco.MarkerSeverity.Error]: 'error',
  [monaco.MarkerSeverity.Warning]: 'warning',
  [monaco.MarkerSeverity.Info]: 'info',
  [monaco.MarkerSeverity.Hint]: 'info',
};

export default function MonacoEditor(props: CodeEditorProps) {
  const {
    label,
    value,
    onChange,
    language = 'json',
    readOnly = false,
    height = '24rem',
    modelPath,
    jsonSchema,
    onProblems,
  } = props;
  const { resolved } = useTheme();
  // The editor owns its text while the user types: pushing each keystroke back in as `value` races
  // with the next one (characters lost or doubled). Only a value the parent changes on its own (a new
  // template, another message) is written into the model.
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Every text this editor reported: a render may carry any of them late, and none is a change.
  const emitted = useRef(new Set([value]));
  // The value at the time the editor mounts, not at the render that started loading it: the parent may have
  // changed it while Monaco loaded (a receiver picked, a command pasted).
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || emitted.current.has(value) || value === model.getValue()) return;
    emitted.current = new Set([value]);
    model.setValue(value);
  }, [value]);

  useEffect(() => {
    if (language !== 'json') return;
    setModelSchema(modelPath, jsonSchema);
    return () => setModelSchema(modelPath, undefined);
  }, [language, modelPath, jsonSchema]);

  return (
    <div className="overflow-hidden rounded border border-slate-300 dark:border-slate-700" data-testid="code-editor">
      <Editor
        height={height}
        language={language}
        path={modelPath}
        defaultValue={value}
        onMount={(editor) => {
          editorRef.current = editor;
          const model = editor.getModel();
          if (model && model.getValue() !== latest.current) model.setValue(latest.current);
          emitted.current = new Set([latest.current]);
        }}
        theme={resolved === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(next) => {
          if (emitted.current.size > 500) emitted.current.clear();
          emitted.current.add(next ?? '');
          onChange?.(next ?? '');
        }}
        onValidate={(markers) =>
          onProblems?.(
            markers.map((m) => ({
              line: m.startLineNumber,
              column: m.startColumn,
              message: m.message,
              severity: SEVERITY[m.severity] ?? 'info',
            })),
          )
        }
        options={{
          readOnly,
          ariaLabel: label,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          tabSize: 2,
          fontSize: 13,
          automaticLayout: true,
          // Payloads are mostly pasted and edited in place, where auto-inserted or wrapping quotes and braces
          // get in the way.
          autoClosingQuotes: 'never',
          autoClosingBrackets: 'never',
          autoSurround: 'never',
        }}
        loading={<p className="p-3 text-sm text-slate-500 dark:text-slate-400">Loading editor…</p>}
      />
    </div>
  );
}
