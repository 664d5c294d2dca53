export interface EditorProblem {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning' | 'info';
}

export interface CodeEditorProps {
  /** Accessible name of the editor. */
  label: string;
  value: string;
  onChange?: (value: string) => void;
  language?: 'json' | 'plaintext' | 'http';
  readOnly?: boolean;
  /** CSS height, e.g. '24rem'. */
  height?: string;
  /** Unique model path, e.g. 'compose/share.json'; schemas attach to it. */
  modelPath: string;
  /** JSON Schema for diagnostics in the editor (JSON only). */
  jsonSchema?: object;
  /** Called with the editor's own diagnostics (syntax and schema) whenever they change. */
  onProblems?: (problems: EditorProblem[]) => void;
}
