/*
 * What the 「流程设计」 page shows below the editor: problems, a diff, a migration, a trial
 * evaluation, each as HTML in Chinese.
 */
import {esc, time} from '../monitoring/format.js';

const CATEGORY = {error: '错误', warn: '警告', warning: '警告', info: '提示'};

/** Problems from the server's checks and bpmnlint, each naming its element. */
export function problemList(problems, nameOf) {
  if (!problems.length) {
    return '<p class="gz-ok">检查通过，没有发现问题。</p>';
  }
  // the server's problems carry no category: each of them refuses the deployment
  const errors = problems.filter(problem => !problem.category || problem.category === 'error').length;
  const verdict = errors ? '<p class="gz-error">检查未通过：' + errors + ' 个错误，部署会被拒绝。</p>' :
    '<p class="gz-ok">检查通过，没有错误；以下建议不影响部署：</p>';
  return verdict + '<ul class="gz-problems">' + problems.map(problem => {
    const name = problem.elementId && nameOf(problem.elementId);
    const where = problem.elementId ? '<a href="#" class="gz-problem-element" data-element="' + esc(problem.elementId) + '">' +
      esc(name ? name + '（' + problem.elementId + '）' : problem.elementId) + '</a>：' :
      (problem.resource ? esc(problem.resource) + '：' : '');
    const source = problem.rule ? '<span class="text-muted">（' + esc(CATEGORY[problem.category] || problem.category) +
      '，' + esc(problem.rule) + '）</span>' : '';
    return '<li class="gz-problem-' + esc(problem.category || 'error') + '">' + where + esc(problem.message) + source + '</li>';
  }).join('') + '</ul>';
}

function entries(title, list, line) {
  return list && list.length ? '<h5>' + title + '（' + list.length + '）</h5><ul>' + list.map(item => '<li>' + line(item) +
    '</li>').join('') + '</ul>' : '';
}

function named(item) {
  return esc(item.name || '') + ' <code>' + esc(item.id) + '</code> <span class="text-muted">' + esc(item.typeName || item.type || '') +
    '</span>';
}

/** A diff against the deployed version: 新增/删除/改名/修改. */
export function diffList(diff) {
  const body = entries('新增', diff.added, named) +
    entries('删除', diff.removed, named) +
    entries('改名', diff.renamed, item => esc(item.typeName || item.type || '') + ' <code>' + esc(item.id) + '</code>：「' +
      esc(item.from) + '」→「' + esc(item.to) + '」') +
    entries('修改', diff.changed, item => esc(item.typeName || item.type || '') + ' <code>' + esc(item.id) + '</code> ' +
      esc(item.whatName || item.what) + '：' +
      esc(item.from === null || item.from === undefined ? '（无）' : item.from) + ' → ' +
      esc(item.to === null || item.to === undefined ? '（无）' : item.to));
  const against = diff.against && diff.against.version ? '与已部署的第 ' + esc(diff.against.version) + ' 版相比' : '与已部署版本相比';
  return '<div class="gz-diff"><p>' + against + (body ? '：' : '，没有变化。') + '</p>' + body + '</div>';
}

/** The running cases of older versions, by step, with a preview and a run per version. */
export function migrationSources(overview) {
  if (!overview.sources || !overview.sources.length) {
    return '<p>没有运行在旧版本上的案件。</p>';
  }
  return '<p>目标版本：第 ' + esc(overview.target.version) + ' 版</p>' + overview.sources.map(source =>
    '<div class="gz-migration-source" data-version="' + esc(source.version) + '"><h5>第 ' + esc(source.version) + ' 版：' +
    esc(source.instances) + ' 个运行中的案件</h5><table class="table table-condensed"><thead><tr><th>所在环节</th>' +
    '<th class="gz-num">案件数</th></tr></thead><tbody>' + source.byStep.map(step => '<tr><td>' + esc(step.name || step.activityId) +
    ' <code>' + esc(step.activityId) + '</code></td><td class="gz-num">' + esc(step.instances) + '</td></tr>').join('') +
    '</tbody></table><button type="button" class="btn btn-default btn-sm gz-preview">预览</button> ' +
    '<button type="button" class="btn btn-primary btn-sm gz-migrate" disabled>执行迁移</button>' +
    '<div class="gz-preview-result"></div></div>').join('');
}

export function previewResult(preview) {
  const blocked = preview.blocked || [];
  return '<p>从第 ' + esc(preview.sourceVersion) + ' 版迁移到第 ' + esc(preview.targetVersion) + ' 版：可迁移 ' +
    esc(preview.movable) + ' 个案件' + (blocked.length ? '，以下案件不能迁移：' : '。') + '</p>' +
    (blocked.length ? '<ul class="gz-blocked">' + blocked.map(step => '<li>' + esc(step.name || step.activityId) + '（' +
      esc(step.instances) + ' 个）：' + esc(step.reason) + '</li>').join('') + '</ul>' : '');
}

export function batchResult(batch) {
  const state = batch.finished ? (batch.failed ? '迁移结束，部分失败' : '迁移完成') : '正在迁移…';
  return '<p class="gz-batch">' + state + '：共 ' + esc(batch.total) + ' 个，已完成 ' + esc(batch.done) + ' 个，失败 ' +
    esc(batch.failed) + ' 个。</p>' + (batch.failures && batch.failures.length ? '<ul>' + batch.failures.map(failure =>
    '<li>' + esc(typeof failure === 'string' ? failure : (failure.message || JSON.stringify(failure))) + '</li>').join('') +
    '</ul>' : '');
}

/** The 「试算」 form: one field per input expression of the decision table. */
export function evaluateForm(inputs) {
  if (!inputs.length) {
    return '<p>决策表没有输入表达式。</p>';
  }
  return '<form class="gz-evaluate form-inline">' + inputs.map(input => '<label>' + esc(input.label) + ' <code>' +
    esc(input.expression) + '</code> <input class="form-control input-sm" name="' + esc(input.expression) + '" data-type="' +
    esc(input.typeRef || 'string') + '"></label> ').join('') +
    '<button type="submit" class="btn btn-default btn-sm">试算</button></form><div class="gz-evaluate-result"></div>';
}

/** A typed value from a field, as the decision's input expression expects it. */
export function typed(value, typeRef) {
  if (value === '') {
    return null;
  }
  if (['integer', 'long', 'double', 'number'].includes(typeRef)) {
    return Number(value);
  }
  if (typeRef === 'boolean') {
    return value === 'true' || value === '是';
  }
  return value;
}

export function evaluateResult(answer) {
  const results = answer.results || [];
  if (!results.length) {
    return '<p>没有匹配的规则。</p>';
  }
  const columns = Object.keys(results[0]);
  return '<p>匹配 ' + results.length + ' 条规则：</p><table class="table table-condensed"><thead><tr>' +
    columns.map(column => '<th>' + esc(column) + '</th>').join('') + '</tr></thead><tbody>' +
    results.map(row => '<tr>' + columns.map(column => '<td>' + esc(typeof row[column] === 'object' ?
      JSON.stringify(row[column]) : row[column]) + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
}

const KIND_NAMES = {bpmn: '流程', dmn: '决策', form: '表单'};

/** The audit's diff, stored as JSON text; null when the deployment did not come through the editor. */
function parsedDiff(entry) {
  if (!entry.diff) {
    return null;
  }
  try {
    return typeof entry.diff === 'string' ? JSON.parse(entry.diff) : entry.diff;
  } catch (ignored) {
    return null;
  }
}

function count(list) {
  return list ? list.length : 0;
}

/** 新增 n · 删除 n · 改名 n · 修改 n, or why there is none. */
export function diffSummary(diff) {
  if (!diff) {
    return '<span class="text-muted">（未经流程设计页部署，无差异记录）</span>';
  }
  const parts = [['新增', diff.added], ['删除', diff.removed], ['改名', diff.renamed], ['修改', diff.changed]]
    .filter(part => count(part[1])).map(part => part[0] + ' ' + count(part[1]));
  return parts.length ? esc(parts.join(' · ')) : '没有变化';
}

/** The deployment audit: who deployed which version of what, when, why, and what it changed. */
export function auditTable(entries) {
  if (!entries.length) {
    return '<p>没有部署记录。</p>';
  }
  return '<table class="table table-condensed gz-audit"><thead><tr><th>模型</th><th class="gz-num">版本</th><th>部署人</th>' +
    '<th>时间</th><th>原因</th><th>差异</th></tr></thead><tbody>' + entries.map(entry => {
    const diff = parsedDiff(entry);
    return '<tr data-key="' + esc(entry.key) + '" data-version="' + esc(entry.version) + '"><td>' +
      esc(KIND_NAMES[entry.kind] || entry.kind) + ' <code>' + esc(entry.key) + '</code></td><td class="gz-num">' +
      esc(entry.version) + '</td><td>' + esc(entry.user || '系统') + '</td><td>' + esc(time(entry.at)) + '</td><td>' +
      esc(entry.reason) + '</td><td class="gz-audit-diff">' + diffSummary(diff) +
      (diff && !(count(diff.added) + count(diff.removed) + count(diff.renamed) + count(diff.changed) === 0) ?
        '<details><summary>详情</summary>' + diffList(diff) + '</details>' : '') + '</td></tr>';
  }).join('') + '</tbody></table>';
}
