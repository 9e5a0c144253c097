/*
 * The heatmap on a process definition's diagram: over every user task its waiting cases, overdue
 * count, p50 and p90, and the task coloured by how bad it is among the process's steps. It follows
 * the filters of the 「流程监控」 tab.
 */
import {definition, load, urls} from './api.js';
import {esc, heat, heatClass, percentile} from './format.js';
import {filterOf, follow, learnScope} from './filter.js';

const OVERLAY_TYPE = 'gz-monitoring';
const MARKERS = [0, 1, 2, 3, 4, 'breach'].map(heatClass);

function clear(viewer) {
  viewer.get('overlays').remove({type: OVERLAY_TYPE});
  const canvas = viewer.get('canvas');
  viewer.get('elementRegistry').forEach(element => MARKERS.forEach(marker => canvas.removeMarker(element, marker)));
}

function badge(step, level) {
  const overdue = step.overdue
    ? '<span class="gz-overdue">逾期 ' + step.overdue + '</span>'
    : '<span>逾期 0</span>';
  return (
    '<div class="gz-step-badge ' + heatClass(level) + '" data-element-id="' + esc(step.elementId) + '"' +
    ' title="' + esc(step.name) + '：当前等待 ' + step.waiting + ' 件，逾期 ' + step.overdue + ' 件，' +
    '窗口内办结 ' + step.completed + ' 件">' +
    '<div><span>等待 <b>' + step.waiting + '</b></span>' + overdue + '</div>' +
    '<div>P50 ' + esc(percentile(step, step.p50Ms)) + ' · P90 ' + esc(percentile(step, step.p90Ms)) + '</div>' +
    '</div>'
  );
}

function draw(viewer, steps) {
  clear(viewer);
  const registry = viewer.get('elementRegistry');
  const overlays = viewer.get('overlays');
  const canvas = viewer.get('canvas');
  const levels = heat(steps);
  // steps of earlier versions that this version's diagram does not have are left out here
  steps.filter(step => registry.get(step.elementId)).forEach(step => {
    canvas.addMarker(step.elementId, heatClass(levels[step.elementId]));
    overlays.add(step.elementId, OVERLAY_TYPE, {position: {top: -46, left: -10}, html: badge(step, levels[step.elementId])});
  });
}

let stopFollowing = null;

function render(viewer, {api, processDefinitionId}) {
  if (stopFollowing) {
    stopFollowing();
  }
  let asked = 0;
  const refresh = async filter => {
    const mine = ++asked;
    try {
      const pd = await definition(api.engineApi, processDefinitionId);
      const view = await load(urls(pd.key, filter).steps);
      learnScope(view.district, filter.district);
      // a slower answer to an earlier filter must not overwrite the latest one
      if (mine === asked) {
        draw(viewer, view.steps);
      }
    } catch (error) {
      // not a supervisor, or the figures cannot be read: the diagram stays as Cockpit draws it
      if (mine === asked) {
        clear(viewer);
      }
    }
  };
  stopFollowing = follow(refresh);
  refresh(filterOf(processDefinitionId));
}

export default {
  id: 'gongzu-monitoring-heatmap',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 0,
  render,
  unmount() {
    if (stopFollowing) {
      stopFollowing();
      stopFollowing = null;
    }
  }
};
