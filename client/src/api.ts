import type { Failure } from '../../shared/protocol/errors';

export type ApiResult<T> = ({ ok: true } & T) | Failure;

/** JSON over HTTP with the staff key as a Bearer header; network trouble becomes a Failure. */
export async function callApi<T>(
  path: string,
  body: unknown,
  key?: string,
  headers: Record<string, string> = {},
): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...headers,
      },
      body: JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    if (!response.ok) {
      return json && typeof json.message === 'string'
        ? (json as Failure)
        : { ok: false, code: 'internal', message: `The server answered ${response.status}.` };
    }
    return { ok: true, ...json } as ApiResult<T>;
  } catch {
    return { ok: false, code: 'unavailable', message: 'Could not reach the server. Check the connection.' };
  }
}
