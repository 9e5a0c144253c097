/*
 * Gongzu's case beside every task in Tasklist (config.js customScripts; plain JavaScript, no build):
 * - the 「案卷」 tab (pluginPoint tasklist.task.detail) for any case: the household and its members as
 *   this department may see them, or the project with its facilities and committee stages; the steps
 *   done (department, person, date); the case's processes and where each waits; the documents, to
 *   open and to attach; 转办 to a colleague with a reason and 退回 where the model allows it; the journal;
 * - 「已办」 in the header (tasklist.navbar.action): the tasks I finished, newest first;
 * - a line on each task card (tasklist.card): case number, household head or project, place, due date;
 * - 「催办」 beside a waiting step held by another department, and 「邮件提醒设置」 (gongzu-mail.js).
 * Everything comes from /camunda/api/gongzu/… with the webapp session and its CSRF token: no second
 * login. What a department sees is decided on the server (docs/adr/0018).
 */

import mailPlugins, {mayUrge, openUrge, urgeButton} from './gongzu-mail.js';

const STATUS = {LEASE_SIGNED: '已签约', MOVED_IN: '已入住', MEMBERS_REGISTERED: '成员已登记', REGISTERED: '已登记入住'};
const RELATION = {HEAD: '承租人', SPOUSE: '配偶', CHILD: '子女', PARENT: '父母', OTHER: '其他'};
const HUKOU = {BEIJING: '本市户籍', NON_LOCAL: '外地户籍'};
const EMPLOYMENT = {EMPLOYED: '在业', UNEMPLOYED: '失业', RETIRED: '退休', STUDENT: '在校学生', PRESCHOOL: '学龄前', OTHER: '其他'};
const KINDS = [['LEASE_CONTRACT', '租赁合同'], ['HOUSEHOLD_REGISTER', '户口簿'], ['HANDOVER_RECORD', '移交记录'], ['OTHER', '其他材料']];

function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}


// times are shown in Beijing time: the engine's are instants (with an offset), the case core's
// (journal, documents) are already Beijing wall-clock times (no offset)
const BEIJING = new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});

function time(value) {
  if (!value) {
    return '—';
  }
  const text = String(value);
  if (/([zZ]|[+-]\d\d:?\d\d)$/.test(text)) {
    const parts = Object.fromEntries(BEIJING.formatToParts(new Date(text)).map(p => [p.type, p.value]));
    return esc(parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute);
  }
  return esc(text.replace('T', ' ').substring(0, 16));
}

function day(value) {
  return value ? time(value).substring(0, 10) : '—';
}

function table(headers, rows, cls) {
  if (!rows.length) {
    return '<p class="text-muted">无</p>';
  }
  return '<table class="table table-condensed gz-case-table ' + (cls || '') + '"><thead><tr>' +
    headers.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>' +
    rows.map(r => '<tr>' + r.map(c => '<td>' + c + '</td>').join('') + '</tr>').join('') +
    '</tbody></table>';
}

function appRoot() {
  return document.querySelector('base').getAttribute('app-root');
}

function gongzuApi(path) {
  return appRoot() + '/api/gongzu/' + path;
}

async function getJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    const error = new Error('HTTP ' + response.status);
    error.status = response.status;
    try {
      error.body = await response.json();
    } catch (ignored) {
      error.body = null;
    }
    throw error;
  }
  return response.json();
}

async function send(url, csrf, body, json) {
  const headers = {Accept: 'application/json', 'X-XSRF-TOKEN': csrf};
  if (json) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(url, {method: 'POST', headers, credentials: 'same-origin',
    body: json ? JSON.stringify(body) : body});
  let answer = null;
  try {
    answer = await response.json();
  } catch (ignored) {
    answer = null;
  }
  return {ok: response.ok, status: response.status, body: answer};
}

function refusal(result) {
  if (result.body && result.body.message) {
    const fields = (result.body.fields || []).map(f => f.message).filter(m => m && m !== result.body.message);
    return [result.body.message].concat(fields).join('；');
  }
  return '操作未成功（' + result.status + '）';
}

// ---- the 案卷 tab ----

function household(h) {
  const columns = [['seq', '序号', v => esc(v)], ['name', '姓名', v => esc(v)], ['relation', '与承租人关系', v => esc(RELATION[v] || v)],
    ['idNumber', '身份证号码', v => esc(v)], ['birthDate', '出生日期', v => day(v)], ['hukou', '户籍', v => esc(HUKOU[v] || v)],
    ['employment', '就业状况', v => esc(EMPLOYMENT[v] || v)], ['minLivingAllowance', '低保', v => v ? '是' : '否']]
    .filter(([key]) => h.members.some(m => m[key] !== undefined && m[key] !== null));
  return '<h4>承租家庭 <small>' + esc(h.caseId) + '</small></h4>' +
    '<p>承租人：' + esc(h.headName || '—') + (h.headIdNumber ? '（' + esc(h.headIdNumber) + '）' : '') +
    '　房屋：' + esc(h.unitNo) + '　合同：' + esc(h.leaseNo) + '　状态：' + esc(STATUS[h.status] || h.status) +
    '　入住日期：' + day(h.movedInOn) + '</p>' +
    '<h5>家庭成员（' + esc(h.memberCount) + ' 人）</h5>' +
    (h.members.length ? table(columns.map(c => c[1]), h.members.map(m => columns.map(([key, , show]) => show(m[key]))), 'gz-members')
      : '<p class="text-muted">' + (h.memberCount ? '本部门的办理环节不需要查看成员明细。' : '尚未登记。') + '</p>');
}

function project(p) {
  const overdue = m => !m.doneOn && m.dueOn && new Date(m.dueOn + 'T23:59:59') < new Date();
  return '<h4>' + esc(p.name) + ' <small>' + esc(p.id) + '</small></h4>' +
    '<p>' + esc(p.district.name) + ' ' + esc(p.subDistrict.name) + '　产权单位：' + esc(p.ownerName) +
    (p.units ? '　房屋 ' + esc(p.units) + ' 套' : '') +
    '　计划首次入住：' + day(p.plannedMoveInOn) + '　首户入住：' + day(p.firstMovedInOn) + '</p>' +
    '<h5>配套设施移交（第四条）</h5>' +
    table(['设施', '接收部门', '状态', '接收日期', '投入使用', '须随入住启用'], p.facilities.map(f => [
      esc(f.typeName), esc(f.receivingDepartmentName || '—'),
      esc(f.statusName) + (f.late ? ' <span class="label label-danger">未按期启用</span>' : '') +
        (f.defects ? '<br><small class="gz-defects">' + esc(f.defects) + '</small>' : ''),
      day(f.acceptedOn), day(f.inUseOn), f.requiredAtMoveIn ? '是' : '否'])) +
    '<h5>社区居委会和党组织组建（第五条）</h5>' +
    table(['阶段', '期限', '完成日期', ''], p.milestones.map(m => [
      esc(m.name), day(m.dueOn), day(m.doneOn),
      m.late || overdue(m) ? '<span class="label label-danger">逾期</span>' : ''])) +
    '<h5>入住家庭</h5><p>共 ' + esc(p.households.total) + ' 户，已入住 ' + esc(p.households.movedIn) +
    ' 户，已登记入住 ' + esc(p.households.registered) + ' 户</p>' +
    table(['案卷号', '房屋', '状态', '入住日期'], p.households.items.slice(0, 50).map(h => [
      esc(h.case_id), esc(h.unit_no), esc(STATUS[h.status] || h.status), day(h.moved_in_on)]));
}

function caseBody(view, urgeable) {
  return '<div class="gz-case">' +
    (view.household ? household(view.household) : '') + (view.project ? project(view.project) : '') +
    '<h5>已办环节</h5>' +
    table(['环节', '流程', '部门', '办理人', '完成时间'], view.stepsDone.map(s => [
      esc(s.name), esc(s.process), esc(s.departments.join('、')), esc(s.user || '—'), time(s.finished)])) +
    '<h5>本案卷的流程</h5>' +
    table(['流程', '事项', '开始时间', '当前环节', '办理部门', '期限', '结果', '催办'], view.processes.map(p => [
      esc(p.name), esc(p.subject || '—'), time(p.started),
      p.ended ? '已办结' : esc(p.waitingAt.map(s => s.name).join('、') || '—'),
      esc(p.waitingAt.flatMap(s => s.departments).filter((d, i, all) => all.indexOf(d) === i).join('、') || '—'),
      p.waitingAt.map(s => s.due ? day(s.due) + (new Date(s.due) < new Date() ? ' <span class="label label-danger">逾期</span>' : '') : '')
        .filter(Boolean).join('、') || '—',
      esc(p.outcome || (p.ended ? '已办结' : '办理中')),
      p.ended ? '' : p.waitingAt.filter(urgeable).map(s => (p.waitingAt.length > 1 ? esc(s.name) + ' ' : '') + urgeButton(s))
        .join('<br>')]), 'gz-processes') +
    '<h5>材料</h5>' +
    table(['类型', '文件', '大小', '上传人', '上传时间'], view.documents.map(d => [
      esc(d.kindName), '<a target="_blank" rel="noopener" class="gz-document" href="' +
        esc(gongzuApi('cases/' + encodeURIComponent(view.caseId) + '/documents/' + d.id)) + '">' + esc(d.fileName) + '</a>',
      esc(Math.max(1, Math.round(d.sizeBytes / 1024))) + ' KB', esc(d.uploadedBy || '系统'), time(d.uploadedAt)])) +
    '<form class="form-inline gz-upload">' +
    '<select class="form-control input-sm" name="kind" aria-label="材料类型">' +
      KINDS.map(([value, label]) => '<option value="' + value + '">' + label + '</option>').join('') + '</select> ' +
    '<input type="file" name="file" class="gz-file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-label="文件"> ' +
    '<button type="submit" class="btn btn-default btn-sm">上传</button>' +
    ' <span class="help-inline text-muted">PDF、JPEG 或 PNG</span> <span class="gz-upload-result"></span></form>' +
    '<div class="gz-actions"></div>' +
    '<h5>案卷记录</h5>' +
    table(['时间', '经办人', '内容'], view.journal.slice(-30).reverse().map(j => [
      time(j.recorded_at), esc(j.user_id || '系统'), esc(j.entry)])) +
    '</div>';
}

function actionsBody(actions) {
  let html = '';
  if (actions.colleagues.length) {
    html += '<h5>转办</h5><form class="form-inline gz-hand-over">' +
      '<select class="form-control input-sm" name="userId" aria-label="转办给">' +
      actions.colleagues.map(c => '<option value="' + esc(c.userId) + '">' + esc(c.name) + '</option>').join('') +
      '</select> <input class="form-control input-sm" name="reason" maxlength="500" placeholder="转办理由" aria-label="转办理由"> ' +
      '<button type="submit" class="btn btn-default btn-sm">转办</button> <span class="gz-result"></span></form>';
  }
  if (actions.returnTo) {
    html += '<h5>退回</h5><form class="form-inline gz-return">' +
      '<input class="form-control input-sm" name="reason" maxlength="500" placeholder="退回理由" aria-label="退回理由"> ' +
      '<button type="submit" class="btn btn-warning btn-sm">' + esc(actions.returnTo) + '</button> <span class="gz-result"></span></form>';
  }
  return html;
}

async function showCase(node, taskId, api) {
  node.innerHTML = '<p class="text-muted gz-case-loading">正在加载……</p>';
  let caseId;
  try {
    caseId = (await getJson(api.engineApi + '/task/' + encodeURIComponent(taskId) +
      '/variables/caseId?deserializeValue=false')).value;
  } catch (e) {
    node.innerHTML = '<p class="text-muted">本任务没有案卷号。</p>';
    return;
  }
  let view;
  try {
    view = await getJson(gongzuApi('cases/' + encodeURIComponent(caseId)));
  } catch (e) {
    node.innerHTML = '<p class="text-danger">' + (e.status === 404 ? '没有找到该案卷，或您无权查看。'
      : '案卷暂时无法读取（' + esc(e.status) + '）。') + '</p>';
    return;
  }
  node.innerHTML = caseBody(view, step => mayUrge(step, view.readerGroups || [], taskId));
  node.querySelectorAll('button.gz-urge').forEach(button => button.addEventListener('click', () => openUrge(button)));
  const upload = node.querySelector('form.gz-upload');
  upload.addEventListener('submit', async event => {
    event.preventDefault();
    const result = upload.querySelector('.gz-upload-result');
    const file = upload.querySelector('input[type=file]').files[0];
    if (!file) {
      result.textContent = '请选择文件';
      result.className = 'gz-upload-result text-danger';
      return;
    }
    const data = new FormData();
    data.append('file', file);
    data.append('kind', upload.querySelector('select').value);
    const answer = await send(gongzuApi('cases/' + encodeURIComponent(caseId) + '/documents'), api.CSRFToken, data, false);
    if (answer.ok) {
      showCase(node, taskId, api);
    } else {
      result.textContent = refusal(answer);
      result.className = 'gz-upload-result text-danger';
    }
  });
  try {
    const actions = await getJson(gongzuApi('tasks/' + encodeURIComponent(taskId) + '/actions'));
    const box = node.querySelector('.gz-actions');
    box.innerHTML = actionsBody(actions);
    bindAction(box.querySelector('form.gz-hand-over'), 'hand-over', taskId, api, form => ({
      userId: form.querySelector('select').value, reason: form.querySelector('input').value}), '已转办');
    bindAction(box.querySelector('form.gz-return'), 'return', taskId, api, form => ({
      reason: form.querySelector('input').value}), '已退回');
  } catch (ignored) {
    // a supervisor reading, or a task finished meanwhile: no actions
  }
}

function bindAction(form, action, taskId, api, body, done) {
  if (!form) {
    return;
  }
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const result = form.querySelector('.gz-result');
    const answer = await send(gongzuApi('tasks/' + encodeURIComponent(taskId) + '/' + action), api.CSRFToken, body(form), true);
    result.textContent = answer.ok ? done : refusal(answer);
    result.className = 'gz-result ' + (answer.ok ? 'text-success' : 'text-danger');
    if (answer.ok) {
      // the task left this user's hands: Tasklist's list and details show it anew
      setTimeout(() => window.location.reload(), 800);
    }
  });
}

// ---- 已办 ----

async function showDone(panel, first) {
  const list = panel.querySelector('.gz-done-list');
  let page;
  try {
    page = await getJson(gongzuApi('tasks/done?firstResult=' + first + '&maxResults=20'));
  } catch (e) {
    list.innerHTML = '<p class="text-danger">已办任务暂时无法读取。</p>';
    return;
  }
  const rows = page.tasks.map(t => '<tr><td>' + time(t.finished) + '</td><td>' + esc(t.name) + '</td><td>' +
    esc(t.process) + '</td><td>' + esc(t.caseId || '—') + '</td><td>' +
    (t.caseEnded ? '已办结' : esc(t.caseWaitsAt.join('、') || '—')) + '</td></tr>').join('');
  const table = list.querySelector('tbody');
  if (first === 0 || !table) {
    list.innerHTML = page.total ? '<p>共 ' + esc(page.total) + ' 项</p><table class="table table-condensed gz-done-table">' +
      '<thead><tr><th>完成时间</th><th>环节</th><th>流程</th><th>案卷号</th><th>案卷当前</th></tr></thead><tbody>' +
      rows + '</tbody></table>' : '<p class="text-muted">尚无已办任务。</p>';
  } else {
    table.insertAdjacentHTML('beforeend', rows);
  }
  const more = panel.querySelector('.gz-done-more');
  const shown = first + page.tasks.length;
  more.style.display = shown < page.total ? '' : 'none';
  more.onclick = () => showDone(panel, shown);
}

function openDone() {
  let panel = document.querySelector('.gz-done-panel');
  if (!panel) {
    panel = document.createElement('div');
    panel.className = 'gz-done-panel';
    panel.setAttribute('role', 'dialog');
    panel.innerHTML = '<div class="gz-done-head"><strong>已办任务</strong>' +
      '<button type="button" class="close gz-done-close" aria-label="关闭">×</button></div>' +
      '<div class="gz-done-list"><p class="text-muted">正在加载……</p></div>' +
      '<button type="button" class="btn btn-default btn-sm gz-done-more" style="display:none">更多</button>';
    document.body.appendChild(panel);
    panel.querySelector('.gz-done-close').addEventListener('click', () => panel.remove());
  }
  showDone(panel, 0);
}

// ---- task cards ----

const pendingCards = new Map();
let cardTimer = null;

function requestCard(taskId, node) {
  pendingCards.set(taskId, node);
  clearTimeout(cardTimer);
  cardTimer = setTimeout(async () => {
    const batch = new Map(pendingCards);
    pendingCards.clear();
    try {
      const cards = await getJson(gongzuApi('tasks/cards?ids=' + Array.from(batch.keys()).map(encodeURIComponent).join(',')));
      cards.forEach(card => {
        const target = batch.get(card.taskId);
        if (target && card.caseId) {
          target.innerHTML = '<div class="gz-card">' + esc(card.caseId) + (card.title ? ' · ' + esc(card.title) : '') +
            (card.place ? ' · ' + esc(card.place) : '') + (card.due ? ' · 到期 ' + day(card.due) : '') + '</div>';
        }
      });
    } catch (ignored) {
      // the card stays as Tasklist draws it
    }
  }, 30);
}

export default mailPlugins.concat([{
  id: 'gongzu-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 100,
  label: '案卷',
  render: (node, {taskId, api}) => {
    showCase(node, taskId, api).catch(() => {
      node.innerHTML = '<p class="text-danger">案卷暂时无法读取。</p>';
    });
  }
}, {
  id: 'gongzu-done',
  pluginPoint: 'tasklist.navbar.action',
  priority: 10,
  render: node => {
    node.innerHTML = '<a href="" class="gz-done-link">已办</a>';
    node.querySelector('a').addEventListener('click', event => {
      event.preventDefault();
      openDone();
    });
  }
}, {
  id: 'gongzu-card',
  pluginPoint: 'tasklist.card',
  priority: 10,
  render: (node, {taskId}) => requestCard(taskId, node)
}]);
