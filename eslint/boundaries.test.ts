import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImport } from './boundaries.js';

const at = (rel: string) => resolve(import.meta.dirname, '..', rel);

describe('architecture import rules', () => {
  it('keeps the pure core free of UI, Node and I/O packages', () => {
    expect(checkImport(at('src/protocol/lint.ts'), 'react')).toMatch(/pure core/);
    expect(checkImport(at('src/signing/sign.ts'), 'node:crypto')).toMatch(/Node-only/);
    expect(checkImport(at('src/protocol/lint.ts'), '../ui/page.tsx')).toMatch(/may not import src\/ui/);
    expect(checkImport(at('src/protocol/lint.ts'), 'zod')).toBeNull();
    expect(checkImport(at('src/signing/keys.ts'), 'jose')).toBeNull();
  });

  it('keeps protocol and signing apart', () => {
    expect(checkImport(at('src/protocol/x.ts'), '../signing/index.ts')).toMatch(/do not know each other/);
    expect(checkImport(at('src/signing/x.ts'), '../protocol/index.ts')).toMatch(/do not know each other/);
  });

  it('gives each heavy dependency one home', () => {
    expect(checkImport(at('src/api/keys.ts'), 'jose')).toMatch(/jose lives in src\/signing/);
    expect(checkImport(at('src/features/compose/route.tsx'), 'monaco-editor/editor')).toMatch(/src\/ui\/code-editor/);
    expect(checkImport(at('src/ui/code-editor/monaco-setup.ts'), 'monaco-editor/editor')).toBeNull();
    expect(checkImport(at('server/routes/relay.ts'), 'undici')).toMatch(/server\/outbound/);
    expect(checkImport(at('server/outbound/http-client.ts'), 'undici')).toBeNull();
  });

  it('keeps features, the app shell and the server in their lanes', () => {
    expect(checkImport(at('src/features/inbox/route.tsx'), '../discovery/route.tsx')).toMatch(
      /Features never import each other/,
    );
    expect(checkImport(at('src/features/inbox/route.tsx'), '../../config/paths.ts')).toBeNull();
    expect(checkImport(at('src/ui/page.tsx'), '../app/provider.tsx')).toMatch(/composition only/);
    expect(checkImport(at('src/api/relay.ts'), '../../server/app.ts')).toMatch(/Nothing in src\/ imports server/);
    expect(checkImport(at('server/app.ts'), '../src/ui/page.tsx')).toMatch(/only the pure core/);
    expect(checkImport(at('server/app.ts'), '../src/contract/health.ts')).toBeNull();
  });

  it('gives the server a direction: routes call services, nothing else imports a route', () => {
    expect(checkImport(at('server/check/run-check.ts'), '../routes/discover.ts')).toMatch(
      /Nothing in server\/ imports a route module.*server\/discovery/,
    );
    expect(checkImport(at('server/index.ts'), './routes/relay.ts')).toMatch(/only server\/app.ts mounts routes/);
    expect(checkImport(at('server/app.ts'), './routes/relay.ts')).toBeNull();
    expect(checkImport(at('server/routes/check.ts'), './discover.ts')).toBeNull();
    expect(checkImport(at('server/routes/discover.ts'), '../discovery/discover-target.ts')).toBeNull();
    expect(checkImport(at('server/console-paths.test.ts'), './routes/inbound.ts')).toBeNull();
  });
});
