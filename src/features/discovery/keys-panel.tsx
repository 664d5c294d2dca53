import { useQuery } from '@tanstack/react-query';
import { jwksQueryOptions } from '../../api/discovery.ts';
import { checkPublicKeyPem, jwkProblems, jwkSetKeys, legacyPublicKey } from '../../protocol/index.ts';
import { ErrorMessage } from '../../ui/alert.tsx';
import { Badge } from '../../ui/badge.tsx';
import { ExchangeView } from '../../ui/exchange-view.tsx';

interface Jwk {
  kty?: unknown;
  crv?: unknown;
  alg?: unknown;
  kid?: unknown;
}

function JwksTable({ keys }: { keys: Jwk[] }) {
  if (!keys.length) return <p className="text-sm text-red-800 dark:text-red-300">The JWK Set has no keys.</p>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-500 dark:text-slate-400">
        <tr>
          <th className="py-1 pr-3 font-normal">kid</th>
          <th className="py-1 pr-3 font-normal">kty</th>
          <th className="py-1 pr-3 font-normal">crv</th>
          <th className="py-1 pr-3 font-normal">alg</th>
          <th className="py-1 font-normal">as OCM requires</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k, i) => {
          const problems = jwkProblems(k);
          return (
            <tr key={i} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1 pr-3 font-mono text-xs break-all">{String(k.kid ?? '–')}</td>
              <td className="py-1 pr-3">{String(k.kty ?? '–')}</td>
              <td className="py-1 pr-3">{String(k.crv ?? '–')}</td>
              <td className="py-1 pr-3">{String(k.alg ?? '–')}</td>
              <td className="py-1">
                {problems.length ? (
                  <Badge tone="bad">{problems.join(', ')}</Badge>
                ) : (
                  <Badge tone="good">kid and alg</Badge>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Key material: the JWKS behind jwksUri (fetched live through the relay) and the legacy publicKey. */
export function KeysPanel({ doc }: { doc: Record<string, unknown> }) {
  const jwksUri = typeof doc.jwksUri === 'string' ? doc.jwksUri : undefined;
  const jwks = useQuery(jwksQueryOptions(jwksUri));
  const legacy = legacyPublicKey(doc);
  const pem = legacy?.pem;
  const pemCheck = pem ? checkPublicKeyPem(pem) : undefined;
  let keys: Jwk[] | undefined;
  let jwksProblem: string | undefined;
  if (jwks.data && 'exchange' in jwks.data) {
    try {
      const parsed = jwkSetKeys(JSON.parse(jwks.data.exchange.response.body.data));
      if (parsed) keys = parsed as Jwk[];
      else jwksProblem = 'The answer is not a JWK Set: it has no "keys" array.';
    } catch {
      jwksProblem = `The answer (${jwks.data.exchange.response.status}) is not JSON.`;
    }
  }
  return (
    <section aria-label="Keys" className="space-y-3">
      <h2 className="text-lg font-semibold">Keys</h2>
      {!jwksUri && !pem ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No jwksUri and no legacy publicKey: this server publishes no signing keys.
        </p>
      ) : null}
      {jwksUri ? (
        <div className="space-y-2">
          <p className="text-sm">
            JWKS at <code className="font-mono text-xs break-all">{jwksUri}</code>
          </p>
          {jwks.isPending ? <p className="text-sm text-slate-500 dark:text-slate-400">Fetching…</p> : null}
          {jwks.isError ? <ErrorMessage>{jwks.error.message}</ErrorMessage> : null}
          {keys ? <JwksTable keys={keys} /> : null}
          {jwksProblem ? <p className="text-sm text-red-800 dark:text-red-300">{jwksProblem}</p> : null}
          {jwks.data && ('failure' in jwks.data || !keys) ? (
            <ExchangeView result={jwks.data} title="JWKS fetch" />
          ) : null}
        </div>
      ) : null}
      {pem && pemCheck ? (
        <div className="space-y-1 text-sm">
          <p>
            Legacy publicKey (draft-cavage)
            {legacy?.keyId ? (
              <>
                {' '}
                with keyId <code className="font-mono text-xs">{legacy.keyId}</code>
              </>
            ) : null}
            :{' '}
            {pemCheck.ok ? (
              <Badge tone="good">
                {pemCheck.algorithm === 'rsa' ? `RSA ${pemCheck.rsaBits ?? '?'} bits` : pemCheck.algorithm}
              </Badge>
            ) : (
              <Badge tone="bad">{pemCheck.error}</Badge>
            )}
          </p>
        </div>
      ) : null}
    </section>
  );
}
