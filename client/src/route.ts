export const PRINT_SHEETS = ['poster', 'cards', 'tickets'] as const;
export type PrintSheet = (typeof PRINT_SHEETS)[number];

export type Route =
  | { screen: 'home' }
  | { screen: 'chair' | 'screen' | 'admin' | 'door'; code: string; key: string | undefined }
  | { screen: 'join' | 'record'; code: string }
  | { screen: 'ticket'; token: string }
  | { screen: 'print'; code: string; key: string | undefined; sheet: PrintSheet }
  | { screen: 'exports'; code: string; key: string | undefined }
  | { screen: 'evaluation'; code: string; key: string | undefined }
  | { screen: 'notFound' };

/** The URL is input from outside like any other: anything unexpected is "not found". */
export function parseRoute(pathname: string, hash: string): Route {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('key') ?? undefined;
  if (pathname === '/' || pathname === '') return { screen: 'home' };
  const staff = pathname.match(/^\/a\/([A-Za-z0-9]{1,12})\/(chair|screen|admin|door)\/?$/);
  if (staff) return { screen: staff[2] as 'chair', code: staff[1]!.toUpperCase(), key };
  const print = pathname.match(/^\/a\/([A-Za-z0-9]{1,12})\/print\/(poster|cards|tickets)\/?$/);
  if (print) return { screen: 'print', code: print[1]!.toUpperCase(), key, sheet: print[2] as PrintSheet };
  const exportsPage = pathname.match(/^\/a\/([A-Za-z0-9]{1,12})\/exports\/?$/);
  if (exportsPage) return { screen: 'exports', code: exportsPage[1]!.toUpperCase(), key };
  const evaluationPage = pathname.match(/^\/a\/([A-Za-z0-9]{1,12})\/evaluation\/?$/);
  if (evaluationPage) return { screen: 'evaluation', code: evaluationPage[1]!.toUpperCase(), key };
  const join = pathname.match(/^\/j\/([A-Za-z0-9]{1,12})\/?$/);
  if (join) return { screen: 'join', code: join[1]!.toUpperCase() };
  const record = pathname.match(/^\/r\/([A-Za-z0-9]{1,12})\/?$/);
  if (record) return { screen: 'record', code: record[1]!.toUpperCase() };
  const ticket = pathname.match(/^\/t\/([A-Za-z0-9]{1,12}\.[A-Za-z0-9_-]{1,64})\/?$/);
  if (ticket) return { screen: 'ticket', token: ticket[1]! };
  return { screen: 'notFound' };
}
