/*
 * A case opened from the monitoring view: what it is, its processes and where each waits, the steps
 * done; with links to the case's data and to its process instance in Cockpit. What a supervisor
 * sees of a household is decided on the server (the case view, docs/adr/0018).
 */
import {caseUrl, instancesOfCase, load} from './api.js';
import {esc, time} from './format.js';

const STATUS = {LEASE_SIGNED: '已签约', MOVED_IN: '已入住', MEMBERS_REGISTERED: '成员已登记', REGISTERED: '已登记入住'};
const LAST_STEPS = 10;

function line(label, value) {
  return value === null || value === undefined || value === ''
    ? ''
    : '<div><span class="gz-label">' + esc(label) + '</span>' + esc(value) + '</div>';
}

function what(view) {
  if (view.household) {
    const h = view.household;
    return line('类型', '承租家庭') + line('公租房项目', h.projectId) + line('房号', h.unitNo) + line('租赁合同', h.leaseNo) +
      line('状态', STATUS[h.status] || h.status) + line('承租人', [h.headName, h.headIdNumber].filter(Boolean).join(' ')) +
      line('家庭成员', h.memberCount + ' 人');
  }
  const p = view.project || {};
  return line('类型', '公租房项目') + line('项目', p.name) + line('产权单位', p.ownerName) +
    line('地区', p.subDistrict ? p.subDistrict.name : null);
}

function processes(view) {
  const rows = (view.processes || []).map(p => {
    const where = p.ended
      ? '已结束' + (p.outcome ? '：' + p.outcome : '')
      : (p.waitingAt || []).map(step => step.name + '（' + (step.departments || []).join('、') + '）').join('；') || '进行中';
    return '<tr><td>' + esc(p.name) + (p.subject ? '<div class="text-muted">' + esc(p.subject) + '</div>' : '') + '</td>' +
      '<td>' + esc(time(p.started)) + '</td><td>' + esc(where) + '</td></tr>';
  });
  return rows.length
    ? '<table class="table table-condensed gz-table"><thead><tr><th>流程</th><th>开始</th><th>当前环节 / 结果</th></tr></thead>' +
        '<tbody>' + rows.join('') + '</tbody></table>'
    : '';
}

function stepsDone(view) {
  const steps = (view.stepsDone || []).slice(-LAST_STEPS);
  if (!steps.length) {
    return '<p class="text-muted">尚无已办环节。</p>';
  }
  return '<ul class="gz-steps-done">' + steps.map(s =>
    '<li>' + esc(time(s.finished)) + ' ' + esc(s.name) + '（' + esc((s.departments || []).join('、')) + '）</li>').join('') + '</ul>';
}

async function instanceLink(engineApi, caseId, processKey) {
  try {
    const instances = await instancesOfCase(engineApi, caseId, processKey);
    return instances.length
      ? ' <a class="gz-instance-link" href="#/process-instance/' + encodeURIComponent(instances[0].id) + '/runtime">在Cockpit中查看流程实例</a>'
      : '';
  } catch (ignored) {
    // no right to read the instance: the case's data stays the way in
    return '';
  }
}

/** Shows the case in the container, or the server's reason why it cannot be shown. */
export async function showCase(container, engineApi, caseId, processKey) {
  container.innerHTML = '<p class="text-muted">正在加载案卷 ' + esc(caseId) + ' …</p>';
  const dataLink = '<a class="gz-case-data" href="' + esc(caseUrl(caseId)) + '" target="_blank" rel="noopener">在新标签页查看案卷数据</a>';
  try {
    const [view, instance] = await Promise.all([load(caseUrl(caseId)), instanceLink(engineApi, caseId, processKey)]);
    container.innerHTML =
      '<h4 class="gz-section-title">案卷 ' + esc(caseId) + '<span class="gz-case-links">' + dataLink + instance + '</span></h4>' +
      '<div class="gz-case-what">' + what(view) + '</div>' + processes(view) +
      '<h5>最近办理的环节</h5>' + stepsDone(view);
  } catch (error) {
    container.innerHTML = '<h4 class="gz-section-title">案卷 ' + esc(caseId) + '</h4><p class="text-danger">' +
      esc(error.message) + '</p>';
  }
}
