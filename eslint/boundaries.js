// The import rules of the architecture, as one lint rule whose messages name the right place.
// Zones come from the file's path; an import is resolved (relative paths) or taken by package name.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const CORE = new Set(['protocol', 'signing', 'contract', 'lib']);
const CORE_PACKAGES = new Set(['zod', 'zod/mini', 'zod/v4/core', 'structured-headers', 'jose']);
const NODE_BUILTINS = new Set(builtinModules);
/** The one place that mounts route modules. */
const SERVER_COMPOSITION = new Set(['server/app.ts']);

/** 'src/protocol/x.ts' → { top: 'src', area: 'protocol', feature } */
export function zoneOf(absPath) {
  const rel = relative(ROOT, absPath).split(sep).join('/');
  const [top, area, feature] = rel.split('/');
  return {
    rel,
    top,
    area: top === 'src' ? area : undefined,
    feature: top === 'src' && area === 'features' ? feature : undefined,
  };
}

function packageName(spec) {
  if (spec.startsWith('node:')) return spec;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isTestFile(rel) {
  return /\.test\.tsx?$/.test(rel) || rel.includes('/__fixtures__/') || rel.startsWith('src/testing/');
}

/** Returns an error message for an import that breaks the architecture, or null. */
export function checkImport(fileAbs, spec) {
  const from = zoneOf(fileAbs);
  const test = isTestFile(from.rel);
  if (spec.startsWith('.')) {
    const to = zoneOf(resolve(dirname(fileAbs), spec.split('?')[0]));
    if (from.top === 'src' && to.top === 'server')
      return 'Nothing in src/ imports server/: share code through the pure core (src/protocol, src/signing, src/contract, src/lib).';
    if (from.top === 'server' && to.top === 'src' && !CORE.has(to.area))
      return `server/ may import only the pure core (src/protocol, src/signing, src/contract, src/lib), not src/${to.area}.`;
    if (
      from.top === 'server' &&
      to.rel.startsWith('server/routes/') &&
      !from.rel.startsWith('server/routes/') &&
      !SERVER_COMPOSITION.has(from.rel) &&
      !test
    )
      return 'Nothing in server/ imports a route module: routes (HTTP shape only) sit on top and call services. Move the shared piece into a service (server/discovery, server/sharing, server/outbound, server/inbox …) and import it from there; only server/app.ts mounts routes.';
    if (from.top === 'src' && CORE.has(from.area) && to.top === 'src' && !CORE.has(to.area))
      return `src/${from.area} is pure core: it may not import src/${to.area}. Move the shared piece into the core, or do the join in src/api.`;
    if (from.area === 'protocol' && to.area === 'signing' && !test)
      return 'src/protocol and src/signing do not know each other: pass the profile data as a parameter and join them in src/api or server/signer.';
    if (from.area === 'signing' && to.area === 'protocol' && !test)
      return 'src/signing and src/protocol do not know each other: take the signature profile as a parameter; the join happens in src/api or server/signer.';
    if (from.feature && to.feature && from.feature !== to.feature)
      return `Features never import each other (${from.feature} → ${to.feature}): link through src/config/paths.ts, or move shared UI to src/ui.`;
    if (from.top === 'src' && from.area !== 'app' && from.rel !== 'src/main.tsx' && !test && to.area === 'app')
      return 'src/app is composition only: nothing imports it. Move the shared piece to src/ui or src/config.';
    return null;
  }
  const pkg = packageName(spec);
  const builtin = pkg.startsWith('node:') || NODE_BUILTINS.has(pkg);
  if (from.top === 'src') {
    if (builtin && !(test && CORE.has(from.area)))
      return `${spec} is Node-only: src/ runs in the browser. Node code belongs in server/.`;
    if (CORE.has(from.area) && !test && !CORE_PACKAGES.has(spec) && !CORE_PACKAGES.has(pkg))
      return `src/${from.area} is pure core (zod, structured-headers, jose and WebCrypto only): ${spec} does not belong here.`;
    if (pkg === 'jose' && from.area !== 'signing')
      return 'jose lives in src/signing: use its key and signature helpers instead.';
    if ((pkg === 'monaco-editor' || pkg === '@monaco-editor/react') && !from.rel.startsWith('src/ui/code-editor/'))
      return 'Monaco lives in src/ui/code-editor: use <CodeEditor> from there.';
  }
  if (from.top === 'server') {
    if (pkg === 'jose') return 'jose lives in src/signing: use its key and signature helpers from the pure core.';
    if (pkg === 'undici' && !from.rel.startsWith('server/outbound/') && !test)
      return 'Outbound HTTP goes through server/outbound (timeouts, guard, limits): do not use undici directly.';
  }
  return null;
}

export const boundariesPlugin = {
  rules: {
    boundaries: {
      meta: {
        type: 'problem',
        docs: { description: 'Import rules of the architecture (see ARCHITECTURE in the README).' },
        schema: [],
      },
      create(context) {
        const file = context.filename;
        const check = (node, source) => {
          if (!source || typeof source.value !== 'string') return;
          const message = checkImport(file, source.value);
          if (message) context.report({ node, message });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
        };
      },
    },
  },
};
