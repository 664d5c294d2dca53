import { useState } from 'react';
import { jobRoute } from '../../config/paths.ts';
import { CodeEditor, type EditorProblem } from '../../ui/code-editor/index.tsx';
import { NotBuilt } from '../../ui/not-built.tsx';
import { Page } from '../../ui/page.tsx';

const STARTER = `{
  "shareWith": "alice@cloud.example.org",
  "name": "report.pdf",
  "providerId": "7c084226-d9a1-11e6-bf26-cec0c932ce01",
  "owner": "bob@my-cloud.example.net",
  "sender": "bob@my-cloud.example.net",
  "shareType": "user",
  "resourceType": "file",
  "protocol": {
    "name": "multi",
    "webdav": { "uri": "7c084226", "sharedSecret": "hfiuhworzwnur98d3wjiwhr", "permissions": ["read"] }
  }
}
`;

export function Component() {
  const job = jobRoute('compose');
  const [draft, setDraft] = useState(STARTER);
  const [problems, setProblems] = useState<EditorProblem[]>([]);
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <Page title={job.label} summary={job.summary}>
      <NotBuilt>
        Templates per message kind, OCM lint findings, signing and sending are not available yet. For now this page is a JSON
        scratchpad: the editor checks the syntax of what you draft, and nothing leaves the browser.
      </NotBuilt>
      <CodeEditor label="Message body (JSON)" modelPath="compose/draft.json" value={draft} onChange={setDraft} onProblems={setProblems} />
      <p role="status" className={`text-sm ${errors.length ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}>
        {errors.length
          ? `${errors.length} syntax problem${errors.length > 1 ? 's' : ''}: line ${errors[0]!.line}, column ${errors[0]!.column}: ${errors[0]!.message}`
          : `Valid JSON, ${new TextEncoder().encode(draft).length} bytes.`}
      </p>
    </Page>
  );
}
