/*
 * The model API (/camunda/api/gongzu/models, issue 11) with the webapp's session; POSTs carry
 * Cockpit's CSRF token from the XSRF-TOKEN cookie, as the webapps' own requests do.
 */

const APP_ROOT = document.querySelector('base').getAttribute('app-root');
export const MODELS = APP_ROOT + '/api/gongzu/models';

/** A refusal or failure with a Chinese sentence; `problems` when the server named the model's. */
export class ApiError extends Error {
  constructor(status, message, problems) {
    super(message);
    this.status = status;
    this.problems = problems || null;
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function refusal(status, body) {
  if (body && body.message) {
    return body.message;
  }
  if (status === 403) {
    return '只有流程管理员可以使用流程设计。';
  }
  if (status === 404) {
    return '服务器尚未提供此功能（HTTP 404）。';
  }
  return '请求失败（HTTP ' + status + '）。';
}

async function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(MODELS + path, {method, credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (error) {
    throw new ApiError(0, '无法连接服务器。');
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch (ignored) {
    // no JSON body: the status says enough
  }
  if (!response.ok) {
    throw new ApiError(response.status, refusal(response.status, answer), answer && answer.problems);
  }
  return answer;
}

function q(value) {
  return encodeURIComponent(value);
}

export const api = {
  list: () => request('GET', ''),
  load: (kind, key, version) => request('GET', '/' + q(kind) + '/' + q(key) + (version ? '?version=' + q(version) : '')),
  fileUrl: (kind, key, version) => MODELS + '/' + q(kind) + '/' + q(key) + '/file?version=' + q(version),
  check: (kind, fileName, content) => request('POST', '/check', {kind, fileName, content}),
  diff: (kind, key, content) => request('POST', '/diff', {kind, key, content}),
  deploy: (kind, content, reason) => request('POST', '/deploy', {kind, content, reason}),
  rollback: (kind, key, version, reason) => request('POST', '/' + q(kind) + '/' + q(key) + '/rollback', {version, reason}),
  migration: key => request('GET', '/bpmn/' + q(key) + '/migration'),
  preview: (key, sourceVersion) => request('POST', '/bpmn/' + q(key) + '/migration/preview', {sourceVersion}),
  migrate: (key, sourceVersion) => request('POST', '/bpmn/' + q(key) + '/migration', {sourceVersion}),
  batch: batchId => request('GET', '/migrations/' + q(batchId)),
  evaluate: (key, content, variables) => request('POST', '/dmn/' + q(key) + '/evaluate', {content, variables}),
  audit: key => request('GET', '/audit' + (key ? '?key=' + q(key) : ''))
};
