/*
 * 催办 of a waiting step (issue 12, docs/adr/0026), shared by Tasklist's 案卷 tab and Cockpit's
 * monitoring drill-down: the 「催办」 button, the dialog for an optional 催办说明 (≤ 200 characters,
 * counted) and the POST to /api/gongzu/tasks/{taskId}/urge with the session and the CSRF token (the
 * XSRF-TOKEN cookie). The server decides who may urge; its refusal (403/404/429) is shown as it says it.
 */

const MAX_NOTE = 200;
const BEIJING = new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});

export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function shown(instant) {
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(instant)).map(p => [p.type, p.value]));
  return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
}

function appRoot() {
  return document.querySelector('base').getAttribute('app-root');
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** A request with the session; answers {ok, status, body} whatever the status. */
export async function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  let response;
  try {
    response = await fetch(appRoot() + path, {method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)});
  } catch (e) {
    return {ok: false, status: 0, body: {message: '无法连接服务器'}};
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch (ignored) {
    answer = null;
  }
  return {ok: response.ok, status: response.status, body: answer};
}

export function refusal(result) {
  if (result.body && result.body.message) {
    const fields = (result.body.fields || []).map(f => f.message).filter(m => m && m !== result.body.message);
    return [result.body.message].concat(fields).join('；');
  }
  return {403: '您无权催办该环节', 404: '该任务已不存在，或您无权催办', 429: '该环节刚催办过，请稍后再催办'}[result.status] ||
    '操作未成功（' + result.status + '）';
}

/** The 「催办」 button of a step and where its outcome shows. */
export function urgeButton(step) {
  return '<span class="gz-urge-step" data-task-id="' + esc(step.taskId) + '">' +
    '<button type="button" class="btn btn-default btn-xs gz-urge" data-task-id="' + esc(step.taskId) +
    '" data-step-name="' + esc(step.name) + '">催办</button> <span class="gz-urge-status"></span></span>';
}

// the dialog's look, the same in every app that shows it
const STYLE = '.gz-urge-dialog{position:fixed;top:120px;right:40px;width:460px;max-width:calc(100% - 40px);' +
  'background:#fff;border:1px solid #ccc;box-shadow:0 4px 16px rgba(0,0,0,.2);padding:12px 16px;z-index:1060}' +
  '.gz-urge-head{display:flex;justify-content:space-between;margin-bottom:8px}' +
  '.gz-urge-count{text-align:right;font-size:12px;margin-bottom:8px}.gz-urge-result{margin:8px 0 0}';

function styled() {
  if (!document.getElementById('gz-urge-style')) {
    const style = document.createElement('style');
    style.id = 'gz-urge-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function closeDialog() {
  const open = document.querySelector('.gz-urge-dialog');
  if (open) {
    open.remove();
  }
}

/** Opens the 催办 dialog for the step of the button; the step's status line tells the outcome. */
export function openUrge(button) {
  closeDialog();
  styled();
  const taskId = button.dataset.taskId;
  const status = button.parentElement.querySelector('.gz-urge-status');
  const dialog = document.createElement('div');
  dialog.className = 'gz-urge-dialog';
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-label', '催办');
  dialog.innerHTML = '<div class="gz-urge-head"><strong>催办「' + esc(button.dataset.stepName) + '」</strong>' +
    '<button type="button" class="close gz-urge-close" aria-label="关闭">×</button></div>' +
    '<p class="text-muted">催办邮件将发给办理该环节的部门，并记入案卷。同一环节24小时内只能催办一次。</p>' +
    '<label for="gz-urge-note">催办说明（可选）</label>' +
    '<textarea id="gz-urge-note" class="form-control gz-urge-note" rows="3" maxlength="' + MAX_NOTE + '"></textarea>' +
    '<div class="gz-urge-count text-muted">0/' + MAX_NOTE + '</div>' +
    '<button type="button" class="btn btn-primary btn-sm gz-urge-send">发送催办</button> ' +
    '<button type="button" class="btn btn-default btn-sm gz-urge-cancel">取消</button>' +
    '<p class="gz-urge-result" role="status"></p>';
  document.body.appendChild(dialog);
  const note = dialog.querySelector('textarea');
  const count = dialog.querySelector('.gz-urge-count');
  const result = dialog.querySelector('.gz-urge-result');
  note.addEventListener('input', () => {
    count.textContent = note.value.length + '/' + MAX_NOTE;
  });
  dialog.querySelector('.gz-urge-close').addEventListener('click', closeDialog);
  dialog.querySelector('.gz-urge-cancel').addEventListener('click', closeDialog);
  const sendButton = dialog.querySelector('.gz-urge-send');
  sendButton.addEventListener('click', async () => {
    sendButton.disabled = true;
    const message = note.value.trim();
    const answer = await request('POST', '/api/gongzu/tasks/' + encodeURIComponent(taskId) + '/urge',
      {message: message || null});
    sendButton.disabled = false;
    if (answer.ok) {
      status.textContent = '已催办（' + shown(answer.body.urgedAt) + '）';
      status.className = 'gz-urge-status text-success';
      closeDialog();
    } else {
      const text = refusal(answer);
      result.textContent = text;
      result.className = 'gz-urge-result text-danger';
      status.textContent = text;
      status.className = 'gz-urge-status text-danger';
    }
  });
  note.focus();
}

