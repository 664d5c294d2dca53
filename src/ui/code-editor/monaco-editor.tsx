import Editor from '@monaco-editor/react';
import { useEffect } from 'react';
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
  const { label, value, onChange, language = 'json', readOnly = false, height = '24rem', modelPath, jsonSchema, onProblems } = props;
  const { resolved } = useTheme();

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
        value={value}
        theme={resolved === 'dark' ? 'vs-dark' : 'vs'}
        onChange={(next) => onChange?.(next ?? '')}
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
        }}
        loading={<p className="p-3 text-sm text-slate-500">Loading editor…</p>}
      />
    </div>
  );
}
