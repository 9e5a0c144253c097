/*
 * Mail in Tasklist (issue 12, docs/adr/0026), plain JavaScript like gongzu-case.js:
 * - which waiting steps of the case the reader may urge (催办): those another department holds; the
 *   button and its dialog are shared with Cockpit (gongzu-shared/urge.js);
 * - 「邮件提醒设置」 in the header (tasklist.navbar.action): single mails or one digest a day.
 * Requests carry the webapp session and its CSRF token (the XSRF-TOKEN cookie), as Tasklist's own.
 */

import {esc, refusal, request} from '../../gongzu-shared/urge.js';

export {openUrge, urgeButton} from '../../gongzu-shared/urge.js';

/**
 * Whether the reader may urge a waiting step, as far as the page can tell: not the task open beside
 * the tab, not a step their own department holds. Supervisors may urge any step; the server decides.
 */
export function mayUrge(step, groups, openTaskId) {
  if (!step.taskId || step.taskId === openTaskId) {
    return false;
  }
  if (groups.includes('supervisor') || groups.some(g => g.startsWith('supervisor-'))) {
    return true;
  }
  return !(step.groupIds || []).some(g => groups.includes(g));
}

// ---- 邮件提醒 ----

const MODES = [['IMMEDIATE', '每项任务单独提醒', '每有新任务、临近期限或被催办，都单独发一封邮件。'],
  ['DIGEST', '每日汇总一封', '新任务、到期提醒和催办每天汇总成一封邮件，早上发送（默认8点）。']];

async function openPreference() {
  let panel = document.querySelector('.gz-mail-panel');
  if (panel) {
    panel.remove();
  }
  panel = document.createElement('div');
  panel.className = 'gz-done-panel gz-mail-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', '邮件提醒设置');
  panel.innerHTML = '<div class="gz-done-head"><strong>邮件提醒设置</strong>' +
    '<button type="button" class="close gz-mail-close" aria-label="关闭">×</button></div>' +
    '<form class="gz-mail-form"><p class="text-muted">正在加载……</p></form>';
  document.body.appendChild(panel);
  panel.querySelector('.gz-mail-close').addEventListener('click', () => panel.remove());
  const form = panel.querySelector('form');
  const current = await request('GET', '/api/gongzu/mail/preference');
  if (!current.ok) {
    form.innerHTML = '<p class="text-danger">' + esc(refusal(current)) + '</p>';
    return;
  }
  form.innerHTML = MODES.map(([mode, label, help]) =>
    '<div class="radio"><label><input type="radio" name="mode" value="' + mode + '"' +
    (current.body.mode === mode ? ' checked' : '') + '> ' + esc(label) +
    ' <small class="text-muted">' + esc(help) + '</small></label></div>').join('') +
    '<p class="help-block">超期督办邮件（任务逾期后发给部门负责人）总是立即发送，不计入每日汇总。</p>' +
    '<button type="submit" class="btn btn-primary btn-sm">保存</button> <span class="gz-mail-result" role="status"></span>';
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = form.querySelector('.gz-mail-result');
    const chosen = form.querySelector('input[name=mode]:checked');
    const answer = await request('PUT', '/api/gongzu/mail/preference', {mode: chosen ? chosen.value : null});
    result.textContent = answer.ok ? '已保存：' + MODES.find(m => m[0] === answer.body.mode)[1] : refusal(answer);
    result.className = 'gz-mail-result ' + (answer.ok ? 'text-success' : 'text-danger');
  });
}

export default [{
  id: 'gongzu-mail-preference',
  pluginPoint: 'tasklist.navbar.action',
  priority: 5,
  render: node => {
    node.innerHTML = '<a href="" class="gz-mail-link">邮件提醒设置</a>';
    node.querySelector('a').addEventListener('click', event => {
      event.preventDefault();
      openPreference();
    });
  }
}];
