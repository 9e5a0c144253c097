/*
 * The dashboard's way into the monitoring: every process with its waiting and overdue cases over
 * the last 30 days and the steps that break a target, each linking to its 「流程监控」 tab.
 */
import {load, urls} from './api.js';
import {breached, esc} from './format.js';

const MAX_PROCESSES = 100;
const WINDOW = {days: 30};

function total(steps, field) {
  return steps.reduce((sum, step) => sum + step[field], 0);
}

function row(pd, view) {
  const link = '#/process-definition/' + encodeURIComponent(pd.id) + '/runtime?detailsTab=gongzu-monitoring';
  const worst = view.steps.filter(breached).map(step => step.name);
  return '<tr><td><a href="' + esc(link) + '">' + esc(pd.name || pd.key) + '</a></td>' +
    '<td class="gz-num">' + total(view.steps, 'waiting') + '</td>' +
    '<td class="gz-num' + (total(view.steps, 'overdue') ? ' gz-overdue' : '') + '">' + total(view.steps, 'overdue') + '</td>' +
    '<td class="' + (worst.length ? 'gz-overdue' : '') + '">' + (worst.length ? esc(worst.join('、')) : '—') + '</td></tr>';
}

async function render(node, {api}) {
  node.innerHTML = '<div class="gz-monitoring gz-dashboard"><p class="text-muted">正在加载…</p></div>';
  const box = node.firstChild;
  try {
    const definitions = await load(api.engineApi + '/process-definition?latestVersion=true&sortBy=name&sortOrder=asc' +
      '&maxResults=' + MAX_PROCESSES);
    const view = pd => load(urls(pd.key, WINDOW).steps);
    // one answer first: whoever may not see the figures is told so once, not once per process
    const first = definitions.length ? [await view(definitions[0])] : [];
    const views = first.concat(await Promise.all(definitions.slice(1).map(view)));
    box.innerHTML = '<p class="text-muted">近30天' + (views[0] && views[0].district ? '，您所监督的区' : '，全市') +
      '。点击流程名称查看其热力图、积压和趋势。</p>' +
      '<table class="table table-condensed gz-table"><thead><tr><th>流程</th><th class="gz-num">当前等待</th><th class="gz-num">逾期</th><th>P90超出目标的环节</th>' +
      '</tr></thead><tbody>' + definitions.map((pd, i) => row(pd, views[i])).join('') + '</tbody></table>';
  } catch (error) {
    box.innerHTML = '<p class="text-muted">' + esc(error.message) + '</p>';
  }
}

export default {
  id: 'gongzu-monitoring-dashboard',
  pluginPoint: 'cockpit.dashboard',
  priority: 10,
  render
};
