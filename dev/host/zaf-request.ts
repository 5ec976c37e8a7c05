/**
 * `client.request(options)` as the host answers it: the options go to the workspace server's
 * emulated proxy (which holds the secure settings), and the answer comes back as jQuery.ajax would
 * give it through Zendesk: `done` with `[data, 'success', xhr]` (or `[response]` with
 * `httpCompleteResponse`), `fail` with `[xhr, 'error' | 'timeout' | 'parsererror', statusText]`.
 */
import { api } from './api';

export interface ProxiedAnswer {
  outcome: 'done' | 'fail';
  responseArgs: unknown[];
}

/**
 * `client.request(options)`: the host hands the options to the workspace server's emulated
 * proxy (which holds the secure settings) and answers as jQuery.ajax would through Zendesk.
 */
export async function requestThroughProxy(raw: unknown): Promise<ProxiedAnswer> {
  const options = (typeof raw === 'string' ? { url: raw } : (raw ?? {})) as {
    url?: string;
    dataType?: string;
    timeout?: number;
    httpCompleteResponse?: boolean;
  };
  type Answer = Awaited<ReturnType<typeof api.proxy>>;
  let answer: Answer;
  const timeout = typeof options.timeout === 'number' && options.timeout > 0 ? options.timeout : 0;
  try {
    const call = api.proxy(options);
    answer = timeout
      ? await Promise.race([
          call,
          new Promise<Answer>((resolve) =>
            setTimeout(
              () =>
                resolve({
                  status: 0,
                  statusText: 'timeout',
                  headers: {},
                  responseText: '',
                  failure: 'timeout',
                }),
              timeout,
            ),
          ),
        ])
      : await call;
  } catch {
    answer = {
      status: 0,
      statusText: 'error',
      headers: {},
      responseText: '',
      failure: 'network',
    };
  }

  const json = (() => {
    if (!answer.responseText) return undefined;
    try {
      return JSON.parse(answer.responseText) as unknown;
    } catch {
      return undefined;
    }
  })();
  const isJson =
    options.dataType === 'json' ||
    (options.dataType === undefined && /json/i.test(answer.headers['content-type'] ?? ''));
  const xhr = {
    readyState: answer.status === 0 ? 0 : 4,
    status: answer.status,
    statusText: answer.statusText,
    responseText: answer.responseText,
    ...(json !== undefined ? { responseJSON: json } : {}),
    headers: answer.headers,
  };
  const success = (answer.status >= 200 && answer.status < 300) || answer.status === 304;

  if (success) {
    const empty = answer.status === 204 || answer.responseText === '';
    if (isJson && !empty && json === undefined) {
      // jQuery fails a response it cannot parse as the JSON it was told to expect.
      return {
        outcome: 'fail',
        responseArgs: [{ ...xhr, statusText: 'parsererror' }, 'parsererror', 'SyntaxError'],
      };
    }
    const complete = {
      responseText: answer.responseText,
      ...(json !== undefined ? { responseJSON: json } : {}),
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    };
    const data = isJson ? json : answer.responseText;
    return {
      outcome: 'done',
      responseArgs: options.httpCompleteResponse ? [complete] : [data, 'success', xhr],
    };
  }
  const textStatus = answer.failure === 'timeout' ? 'timeout' : 'error';
  return { outcome: 'fail', responseArgs: [xhr, textStatus, answer.statusText] };
}
