/**
 * The one place Monaco is configured. Imported only by the lazily loaded editor module, so Monaco
 * (about 1 MiB gzipped) never lands in the initial bundle. Monaco comes from the installed package:
 * `loader.config({ monaco })` stops @monaco-editor/react from fetching it from a CDN.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = {
  getWorker: (_workerId: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco });

/** JSON Schemas by the model path they apply to; diagnostics options are global, so keep them all here. */
const schemasByModel = new Map<string, object>();

function applySchemas(): void {
  jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    // Schemas are supplied inline; the editor never fetches one.
    enableSchemaRequest: false,
    schemas: [...schemasByModel].map(([modelPath, schema]) => ({
      uri: `inmemory://schemas/${encodeURIComponent(modelPath)}.json`,
      fileMatch: [modelPath],
      schema,
    })),
  });
}

/** Attaches a JSON Schema to one editor model (by path); undefined removes it. */
export function setModelSchema(modelPath: string, schema: object | undefined): void {
  if (schema) schemasByModel.set(modelPath, schema);
  else schemasByModel.delete(modelPath);
  applySchemas();
}

applySchemas();

export { monaco };
