/*
 * The tables of the 「流程监控」 tab as HTML: the steps, the backlog per department and place, the
 * weekly trend per step, and the cases behind a figure. Rows that lead to cases carry data-drill-*
 * attributes; the tab listens for clicks on them.
 */
import {urgeButton} from '../../../gongzu-shared/urge.js';
import {ago, breached, esc, heat, heatClass, HEAT_LEGEND, percentile, targetHours, time} from './format.js';

/** A table; the headers of the columns that hold counts and durations are aligned with them. */
function table(cls, headers, rows, numeric = []) {
  return (
    '<table class="table table-condensed gz-table ' + cls + '"><thead><tr>' +
    headers.map(h => '<th' + (numeric.includes(h) ? ' class="gz-num"' : '') + '>' + esc(h) + '</th>').join('') +
    '</tr></thead><tbody>' + rows.join('') + '</tbody></table>'
  );
}

function section(title, csvUrl, body, note) {
  const link = csvUrl ? '<a class="gz-csv" href="' + esc(csvUrl) + '" download>导出CSV</a>' : '';
  return (
    '<h4 class="gz-section-title">' + esc(title) + link + '</h4>' +
    (note ? '<p class="text-muted gz-note">' + esc(note) + '</p>' : '') + body
  );
}

function empty(text) {
  return '<p class="text-muted gz-empty">' + esc(text) + '</p>';
}

function target(step) {
  const parts = [];
  if (step.p90TargetHours != null) {
    parts.push('P90 ≤ ' + targetHours(step.p90TargetHours));
  }
  if (step.backlogTarget != null) {
    parts.push('每地积压 ≤ ' + step.backlogTarget + ' 件');
  }
  return parts.length ? parts.join('；') : '—';
}

export function legend() {
  return (
    '<div class="gz-legend">颜色：' +
    HEAT_LEGEND.map(([level, label]) => '<span class="gz-swatch ' + heatClass(level) + '"></span>' + esc(label)).join(' ') +
    '</div>'
  );
}

/** 各环节办理情况: a row per user task; a click lists the cases waiting there. */
export function stepsTable(view, csvUrl) {
  const levels = heat(view.steps);
  const rows = view.steps.map(step =>
    '<tr class="gz-drill ' + heatClass(levels[step.elementId]) + '" data-drill-element="' + esc(step.elementId) +
    '" data-drill-title="' + esc(step.name) + '" title="查看在此环节等待的案卷">' +
    '<td class="gz-step-name">' + esc(step.name) + '</td>' +
    '<td class="gz-num">' + step.waiting + '</td>' +
    '<td class="gz-num' + (step.overdue ? ' gz-overdue' : '') + '">' + step.overdue + '</td>' +
    '<td class="gz-num">' + esc(percentile(step, step.p50Ms)) + '</td>' +
    '<td class="gz-num' + (step.p90Breached ? ' gz-overdue' : '') + '">' + esc(percentile(step, step.p90Ms)) + '</td>' +
    '<td class="gz-num">' + step.completed + '</td>' +
    '<td class="' + (breached(step) ? 'gz-overdue' : '') + '">' + esc(target(step)) + '</td>' +
    '</tr>'
  );
  return section('各环节办理情况', csvUrl,
    legend() + table('gz-steps', ['环节', '当前等待', '逾期', 'P50', 'P90', '窗口内办结', '目标'], rows,
      ['当前等待', '逾期', 'P50', 'P90', '窗口内办结']),
    'P50、P90：窗口内办结的任务在该环节停留时间的中位数和第90百分位（标“≈”的按日汇总估算，误差不超过10%）。点击一行查看在该环节等待的案卷。');
}

/** 各部门积压: a row per department of a place; a click lists the cases waiting with it. */
export function backlogTable(backlog, csvUrl) {
  if (!backlog.rows.length) {
    return section('各部门积压', csvUrl, empty('所选范围内没有任务。'));
  }
  const rows = backlog.rows.map(row =>
    '<tr class="gz-drill' + (row.backlogBreached ? ' gz-heat-breach' : '') + '" data-drill-department="' +
    esc(row.department) + '" data-drill-place="' + esc(row.placeCode) + '" data-drill-title="' + esc(row.groupName) +
    '" title="查看该部门等待办理的案卷">' +
    '<td>' + esc(row.groupName) + '</td>' +
    '<td class="gz-num">' + row.open + '</td>' +
    '<td class="gz-num' + (row.overdue ? ' gz-overdue' : '') + '">' + row.overdue + '</td>' +
    '<td>' + (row.oldestWaitingSince ? esc(time(row.oldestWaitingSince)) + '（' + esc(ago(row.oldestWaitingSince)) + '）' : '—') + '</td>' +
    '<td class="gz-num">' + row.completed + '</td>' +
    '</tr>'
  );
  return section('各部门积压', csvUrl,
    table('gz-backlog', ['办理部门', '待办', '逾期', '最早等待自', '窗口内办结'], rows, ['待办', '逾期', '窗口内办结']),
    '按办理部门及其所在地区统计。点击一行查看该部门等待办理的案卷。');
}

const DAY_MS = 86400000;

/** The Mondays from the window's first week to its last, so that weeks without work show as empty. */
function mondays(window, trend) {
  const known = trend.steps.flatMap(step => step.weeks.map(w => w.weekStart)).sort();
  const monday = date => {
    const d = new Date(date.substring(0, 10) + 'T00:00:00Z');
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
  };
  const first = monday(known.length && known[0] < window.from ? known[0] : window.from);
  const last = monday(known.length && known[known.length - 1] > window.to ? known[known.length - 1] : window.to);
  const weeks = [];
  for (let d = first; d <= last; d = new Date(d.getTime() + 7 * DAY_MS)) {
    weeks.push(d.toISOString().substring(0, 10));
  }
  return weeks;
}

/** Two bars a week (arrivals, completions), all steps on one scale so they compare. */
function bars(step, weeks, max) {
  const byWeek = Object.fromEntries(step.weeks.map(w => [w.weekStart, w]));
  // about 420 px for the window: wide bars for a month, thin ones for a year
  const width = Math.max(8, Math.min(36, Math.floor(420 / weeks.length)));
  const bar = Math.floor((width - 2) / 2);
  const height = 40;
  const scale = value => (max ? Math.round((value / max) * (height - 2)) : 0);
  const groups = weeks.map((week, i) => {
    const w = byWeek[week] || {arrivals: 0, completions: 0};
    const x = i * width;
    return (
      '<g><title>' + esc(week) + ' 起的一周：到达 ' + w.arrivals + ' 件，办结 ' + w.completions + ' 件</title>' +
      '<rect class="gz-arrivals" x="' + x + '" y="' + (height - scale(w.arrivals)) + '" width="' + bar + '" height="' +
        scale(w.arrivals) + '"/>' +
      '<rect class="gz-completions" x="' + (x + bar) + '" y="' + (height - scale(w.completions)) + '" width="' + bar +
        '" height="' + scale(w.completions) + '"/>' +
      '<rect class="gz-week" x="' + x + '" y="0" width="' + width + '" height="' + height + '"/></g>'
    );
  });
  // the baseline shows the weeks without work as well
  const baseline = '<line class="gz-baseline" x1="0" y1="' + (height - 0.5) + '" x2="' + weeks.length * width + '" y2="' +
    (height - 0.5) + '"/>';
  return '<svg class="gz-bars" width="' + weeks.length * width + '" height="' + height + '">' + groups.join('') + baseline +
    '</svg>';
}

/** 每周到达与办结: per step, the weeks of the window as bars, and the totals. */
export function trendTable(trend, window, csvUrl) {
  const weeks = mondays(window, trend);
  const max = Math.max(0, ...trend.steps.flatMap(s => s.weeks.map(w => Math.max(w.arrivals, w.completions))));
  const sum = (step, field) => step.weeks.reduce((total, w) => total + w[field], 0);
  const rows = trend.steps.map(step =>
    '<tr><td class="gz-step-name">' + esc(step.name) + '</td>' +
    '<td class="gz-num">' + sum(step, 'arrivals') + '</td>' +
    '<td class="gz-num">' + sum(step, 'completions') + '</td>' +
    '<td>' + bars(step, weeks, max) + '</td></tr>'
  );
  const key =
    '<span class="gz-swatch gz-arrivals"></span>到达 <span class="gz-swatch gz-completions"></span>办结' +
    '（' + esc(weeks[0] || '') + ' 至 ' + esc(weeks[weeks.length - 1] || '') + '，每周两条柱；悬停查看数字）';
  return section('每周到达与办结', csvUrl,
    '<div class="gz-legend">' + key + '</div>' + table('gz-trend', ['环节', '到达', '办结', '按周'], rows, ['到达', '办结']));
}

/** The open tasks behind a figure; a click on a case id opens the case below, 「催办」 urges the step. */
export function casesTable(title, cases, csvUrl, limit) {
  const heading = title + '：等待中的案卷（' + cases.length + (cases.length >= limit ? '+' : '') + ' 件）';
  if (!cases.length) {
    return section(heading, csvUrl, empty('当前没有等待中的案卷。'));
  }
  const rows = cases.map(c =>
    '<tr' + (c.overdue ? ' class="gz-heat-breach"' : '') + '>' +
    '<td>' + (c.caseId ? '<a href class="gz-case-link" data-case-id="' + esc(c.caseId) + '" data-process-key="' +
      esc(c.processKey) + '">' + esc(c.caseId) + '</a>' : '—') + '</td>' +
    '<td>' + esc(c.stepName) + '</td>' +
    '<td>' + esc(c.groupName) + '</td>' +
    '<td>' + esc(time(c.waitingSince)) + '（' + esc(ago(c.waitingSince)) + '）</td>' +
    '<td>' + esc(time(c.dueAt)) + '</td>' +
    '<td>' + (c.overdue ? '<span class="gz-overdue">已逾期</span>' : '未逾期') + '</td>' +
    '<td>' + (c.taskId ? urgeButton({taskId: c.taskId, name: c.stepName}) : '') + '</td>' +
    '</tr>'
  );
  return section(heading, csvUrl, table('gz-cases', ['案卷号', '环节', '办理部门', '等待自', '期限', '状态', '催办'], rows),
    (cases.length >= limit ? '只列出等待最久的 ' + limit + ' 件。' : '') + '点击案卷号查看案卷；「催办」以邮件催促办理部门，并记入案卷。');
}
