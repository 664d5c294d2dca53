/** Headers exactly as they travelled: order, case and repeats kept. Values are remote text, shown as text. */
export function HeadersTable({ headers, caption }: { headers: [string, string][]; caption: string }) {
  if (!headers.length) return <p className="text-sm text-slate-500 dark:text-slate-400">No headers.</p>;
  return (
    <table className="w-full table-fixed border-collapse text-left font-mono text-xs">
      <caption className="sr-only">{caption}</caption>
      <colgroup>
        <col className="w-44" />
        <col />
      </colgroup>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={i} className="border-b border-slate-100 align-top dark:border-slate-800">
            <th scope="row" className="py-1 pr-3 font-semibold break-all text-slate-700 dark:text-slate-300">
              {name}
            </th>
            <td className="py-1 break-all whitespace-pre-wrap">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
