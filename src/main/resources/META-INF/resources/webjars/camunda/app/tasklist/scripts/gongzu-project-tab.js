/*
 * Gongzu's 「项目案卷」 tab beside every task of a project's case (facility handovers, the committee
 * setup): the project, its facilities with their handover state, the committee stages with their
 * deadlines, the households moved in, the open steps of all its processes and its journal.
 * A Tasklist plugin (config.js customScripts, pluginPoint tasklist.task.detail). Data comes from
 * /camunda/api/gongzu/projects/{id} with the webapp session: no second login. Plain JavaScript.
 */

const STATUS = {LEASE_SIGNED: '已签约', MOVED_IN: '已入住', MEMBERS_REGISTERED: '成员已登记', REGISTERED: '已登记入住'};

function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function day(value) {
  return value ? esc(String(value).substring(0, 10)) : '—';
}

function table(headers, rows) {
  if (!rows.length) {
    return '<p class="text-muted">无</p>';
  }
  return '<table class="table table-condensed gz-project-table"><thead><tr>' +
    headers.map(h => '<th>' + esc(h) + '</th>').join('') + '</tr></thead><tbody>' +
    rows.map(r => '<tr>' + r.map(c => '<td>' + c + '</td>').join('') + '</tr>').join('') +
    '</tbody></table>';
}

function render(p) {
  const overdue = m => !m.doneOn && m.dueOn && new Date(m.dueOn + 'T23:59:59') < new Date();
  return '<div class="gz-project">' +
    '<h4>' + esc(p.name) + ' <small>' + esc(p.id) + '</small></h4>' +
    '<p>' + esc(p.district.name) + ' ' + esc(p.subDistrict.name) + '　产权单位：' + esc(p.ownerName) +
    (p.units ? '　房屋 ' + esc(p.units) + ' 套' : '') +
    '　计划首次入住：' + day(p.plannedMoveInOn) + '　首户入住：' + day(p.firstMovedInOn) + '</p>' +
    '<h5>配套设施移交（第四条）</h5>' +
    table(['设施', '接收部门', '状态', '接收日期', '投入使用', '须随入住启用'], p.facilities.map(f => [
      esc(f.typeName), esc(f.receivingDepartmentName || '—'),
      esc(f.statusName) + (f.late ? ' <span class="label label-danger">未按期启用</span>' : '') +
        (f.defects ? '<br><small>' + esc(f.defects) + '</small>' : ''),
      day(f.acceptedOn), day(f.inUseOn), f.requiredAtMoveIn ? '是' : '否'])) +
    '<h5>社区居委会和党组织组建（第五条）</h5>' +
    table(['阶段', '期限', '完成日期', ''], p.milestones.map(m => [
      esc(m.name), day(m.dueOn), day(m.doneOn),
      m.late || overdue(m) ? '<span class="label label-danger">逾期</span>' : ''])) +
    '<h5>入住家庭</h5><p>共 ' + esc(p.households.total) + ' 户，已入住 ' + esc(p.households.movedIn) +
    ' 户，已登记入住 ' + esc(p.households.registered) + ' 户</p>' +
    table(['案卷号', '房屋', '状态', '入住日期'], p.households.items.slice(0, 50).map(h => [
      esc(h.case_id), esc(h.unit_no), esc(STATUS[h.status] || h.status), day(h.moved_in_on)])) +
    '<h5>当前待办环节</h5>' +
    table(['环节', '流程', '部门', '到期'], p.openSteps.map(s => [
      esc(s.name), esc(s.process), esc(s.departments.join('、')), day(s.due)])) +
    '<h5>案卷记录</h5>' +
    table(['时间', '经办人', '内容'], p.journal.slice(-30).reverse().map(j => [
      esc(String(j.recorded_at || '').replace('T', ' ').substring(0, 16)), esc(j.user_id || '系统'), esc(j.entry)])) +
    '</div>';
}

async function show(node, taskId, api) {
  node.innerHTML = '<p class="text-muted">正在加载……</p>';
  const appRoot = document.querySelector('base').getAttribute('app-root');
  const json = {headers: {Accept: 'application/json'}, credentials: 'same-origin'};
  const variable = await fetch(api.engineApi + '/task/' + encodeURIComponent(taskId) +
    '/variables/caseId?deserializeValue=false', json);
  if (!variable.ok) {
    node.innerHTML = '<p class="text-muted">本任务没有案卷号。</p>';
    return;
  }
  const caseId = (await variable.json()).value;
  if (typeof caseId !== 'string' || caseId.startsWith('HH-')) {
    node.innerHTML = '<p class="text-muted">本任务属于承租家庭案卷 ' + esc(caseId) + '，不属于项目案卷。</p>';
    return;
  }
  const project = await fetch(appRoot + '/api/gongzu/projects/' + encodeURIComponent(caseId), json);
  if (!project.ok) {
    node.innerHTML = '<p class="text-danger">' + (project.status === 404 ? '没有找到该项目，或您无权查看。'
      : '项目案卷暂时无法读取（' + project.status + '）。') + '</p>';
    return;
  }
  node.innerHTML = render(await project.json());
}

export default [{
  id: 'gongzu-project-case',
  pluginPoint: 'tasklist.task.detail',
  priority: 100,
  label: '项目案卷',
  render: (node, {taskId, api}) => {
    show(node, taskId, api).catch(() => {
      node.innerHTML = '<p class="text-danger">项目案卷暂时无法读取。</p>';
    });
  }
}];
