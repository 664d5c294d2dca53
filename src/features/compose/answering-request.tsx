import { Link } from 'react-router';
import { paths, type ComposeShareFill } from '../../config/paths.ts';
import { ConsoleShare } from './console-share.tsx';

/**
 * Compose opened to answer a request for a share: the console's own share, filled in (the requester can
 * exchange its code and read it), or a share crafted by hand in the editor below (whose code cannot be).
 */
export function AnsweringRequest({ fill, user }: { fill: ComposeShareFill; user: string }) {
  return (
    <div className="space-y-3">
      <div
        role="note"
        aria-label="Answering a request"
        className="space-y-1 rounded border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950"
      >
        <p>
          A share of <strong>{fill.name}</strong> ({fill.permissions.join(', ')}
          {fill.protocol === 'webapp' ? ', as the web app' : ''}) to <code>{fill.to}</code>, as {user}, answering{' '}
          {fill.request ? (
            <Link className="underline" to={paths.inbox(fill.request)}>
              a request for a share
            </Link>
          ) : (
            'a request for a share'
          )}
          .
        </p>
        <p>
          Share it from this console (just below): the console keeps the file and its secret, so the requester can
          exchange the code at the console&apos;s token endpoint and open what it asked for.
        </p>
        <p>
          Or craft the share by hand in the editor further down. Its sharedSecret is then known only to this page, not
          to the console: the requester&apos;s code exchange is refused and it cannot read anything with it.
        </p>
      </div>
      <ConsoleShare fill={fill} />
    </div>
  );
}
