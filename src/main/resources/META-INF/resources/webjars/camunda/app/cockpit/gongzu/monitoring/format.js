/*
 * How the monitoring view writes figures: escaped text, durations in 小时/天, Beijing times, and the
 * heat of each step (which steps are worst).
 */

const HOUR_MS = 3600000;

/** Text made safe to put into HTML. */
export function esc(value) {
  return String(value === null || value === undefined ? '' : value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A step's percentile: "≈" before it when read from the daily summary's buckets (ADR 0021). */
export function percentile(step, ms) {
  const text = duration(ms);
  return step.percentilesEstimated && text !== '—' ? '≈' + text : text;
}

/** A duration in milliseconds as supervisors speak of it: hours under two days, days above. */
export function duration(ms) {
  if (ms === null || ms === undefined) {
    return '—';
  }
  const hours = ms / HOUR_MS;
  if (hours < 0.1) {
    return '<0.1小时';
  }
  if (hours < 48) {
    return hours.toFixed(1) + '小时';
  }
  return (hours / 24).toFixed(1) + '天';
}

/** A target in hours, as 小时 or whole days. */
export function targetHours(hours) {
  return hours % 24 === 0 && hours >= 48 ? hours / 24 + '天' : hours + '小时';
}

// the figures' times are instants; staff read them in Beijing time whatever the browser's zone
const BEIJING = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23'
});

/** An instant as yyyy-mm-dd hh:mm in Beijing, or — when there is none. */
export function time(value) {
  if (!value) {
    return '—';
  }
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(value)).map(p => [p.type, p.value]));
  return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute;
}

/** How long ago an instant was, in 小时/天 (for "oldest waiting since"). */
export function ago(value) {
  return value ? duration(Date.now() - new Date(value).getTime()) : '—';
}

/**
 * Whether a step breaks its p90 target. (Its backlog target holds per place: the backlog table marks
 * the places that break it.)
 */
export function breached(step) {
  return step.p90Breached;
}

/**
 * The heat of every step, 0 (nothing) to 4 (worst), or 'breach': a step is as hot as the worse of
 * its waiting count and its p90 measured against the worst step of the view, so the colours rank
 * the steps of this process under the chosen filters.
 */
export function heat(steps) {
  // a p90 under an hour is no bottleneck in work measured in days, however it compares
  const p90 = step => (step.p90Ms >= HOUR_MS ? step.p90Ms : 0);
  const maxWaiting = Math.max(0, ...steps.map(s => s.waiting));
  const maxP90 = Math.max(0, ...steps.map(p90));
  const levels = {};
  steps.forEach(step => {
    if (breached(step)) {
      levels[step.elementId] = 'breach';
      return;
    }
    const score = Math.max(
      maxWaiting ? step.waiting / maxWaiting : 0,
      maxP90 ? p90(step) / maxP90 : 0
    );
    levels[step.elementId] = score === 0 ? 0 : Math.min(4, 1 + Math.floor(score * 4));
  });
  return levels;
}

/** The CSS class of a heat level (styles in monitoring.css). */
export function heatClass(level) {
  return 'gz-heat-' + level;
}

export const HEAT_LEGEND = [
  [1, '较轻'],
  [2, '中等'],
  [3, '较重'],
  [4, '最重'],
  ['breach', '超出目标']
];
