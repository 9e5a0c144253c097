/*
 * The 「流程监控」 tab of a process definition: filters, the steps, the backlog per department and
 * place, the weekly trend, and the cases behind a figure down to one case. Its filters also redraw
 * the diagram's heatmap (overlays.js).
 */
import {csv, definition, load, placesAndDepartments, urls} from './api.js';
import {openUrge} from '../../../gongzu-shared/urge.js';
import {showCase} from './case-panel.js';
import {esc} from './format.js';
import {change, filterOf, follow, learnScope, scope, WINDOWS} from './filter.js';
import {backlogTable, casesTable, stepsTable, trendTable} from './tables.js';

// the server lists at most this many cases behind a figure (MonitoringQueries.MAX_CASES)
const CASE_LIMIT = 200;

const LAYOUT =
  '<div class="gz-monitoring">' +
  '<form class="form-inline gz-filters"></form>' +
  '<div class="gz-message"></div>' +
  '<div class="gz-part gz-part-steps"></div>' +
  '<div class="gz-part gz-part-cases"></div>' +
  '<div class="gz-part gz-part-case"></div>' +
  '<div class="gz-part gz-part-backlog"></div>' +
  '<div class="gz-part gz-part-trend"></div>' +
  '</div>';

/** The options of a select, after one for "no filter" unless {@code all} is null. */
function options(entries, chosen, all) {
  return (all === null ? [] : [['', all]]).concat(entries).map(([value, label]) =>
    '<option value="' + esc(value) + '"' + (String(value) === String(chosen) ? ' selected' : '') + '>' + esc(label) +
    '</option>').join('');
}

function select(name, label, entries, chosen, all, disabled) {
  return '<label class="gz-filter">' + esc(label) + ' <select class="form-control input-sm" name="' + name + '"' +
    (disabled ? ' disabled' : '') + '>' + options(entries, chosen, all) + '</select></label>';
}

/** The entries of a name map, in its order (places by code, departments as the product lists them). */
function listed(names, keep) {
  return Object.keys(names).filter(keep).map(code => [code, names[code]]);
}

/** The filter form as the filter and the caller's scope allow it. */
function filterForm(filter, versions, places) {
  const scoped = scope();
  const district = filter.district;
  const windows = WINDOWS.map(days => [days, '近' + days + '天']);
  return (
    '<label class="gz-filter">时间范围 <select class="form-control input-sm" name="days">' +
      windows.map(([days, label]) => '<option value="' + days + '"' + (days === Number(filter.days) ? ' selected' : '') + '>' +
        label + '</option>').join('') + '</select></label>' +
    select('version', '流程版本', versions.map(v => [v, '第' + v + '版']), filter.version, '全部版本') +
    select('district', '区', listed(places.districts, code => !scoped || code === scoped), district,
      scoped ? null : '全部区', !!scoped) +
    select('subDistrict', '街道', listed(places.subDistricts, code => !district || code.startsWith(district)),
      filter.subDistrict, '全部街道') +
    select('department', '部门', listed(places.departments, () => true), filter.department, '全部部门')
  );
}

/** One mounted tab: its node, its definition and what it shows. */
class MonitoringTab {
  constructor(node, api, definitionId) {
    this.node = node;
    this.api = api;
    this.definitionId = definitionId;
    this.asked = 0;
    node.innerHTML = LAYOUT;
    this.part = name => node.querySelector('.gz-part-' + name);
    node.querySelector('.gz-filters').addEventListener('change', event => this.filterChanged(event.target));
    node.addEventListener('click', event => this.clicked(event));
  }

  async start() {
    this.pd = await definition(this.api.engineApi, this.definitionId);
    this.places = await placesAndDepartments().catch(() => ({districts: {}, subDistricts: {}, departments: {}}));
    this.stopFollowing = follow(filter => this.show(filter));
    await this.show(filterOf(this.definitionId));
  }

  stop() {
    if (this.stopFollowing) {
      this.stopFollowing();
    }
  }

  filterChanged(input) {
    const changes = {[input.name]: input.value};
    // a sub-district belongs to one district: choosing another district drops it
    if (input.name === 'district') {
      changes.subDistrict = '';
    }
    change(this.definitionId, changes);
  }

  clicked(event) {
    const urge = event.target.closest('button.gz-urge');
    if (urge) {
      openUrge(urge);
      return;
    }
    const caseLink = event.target.closest('.gz-case-link');
    if (caseLink) {
      event.preventDefault();
      showCase(this.part('case'), this.api.engineApi, caseLink.dataset.caseId, caseLink.dataset.processKey);
      return;
    }
    const row = event.target.closest('.gz-drill');
    if (row && !event.target.closest('a')) {
      const drill = row.dataset.drillElement
        ? {elementId: row.dataset.drillElement}
        : {department: row.dataset.drillDepartment, place: row.dataset.drillPlace};
      this.drill(row.dataset.drillTitle, drill);
    }
  }

  /** Lists the cases behind a step or a backlog row, under the steps table. */
  async drill(title, drill) {
    const cases = this.part('cases');
    this.part('case').innerHTML = '';
    cases.innerHTML = '<p class="text-muted">正在加载案卷…</p>';
    // a backlog row's department takes the place of the department filter
    const url = urls(this.pd.key, this.filter).cases(drill);
    try {
      cases.innerHTML = casesTable(title, await load(url), csv(url), CASE_LIMIT);
    } catch (error) {
      cases.innerHTML = '<p class="text-danger">' + esc(error.message) + '</p>';
    }
    cases.scrollIntoView({block: 'start', behavior: 'smooth'});
  }

  async show(filter) {
    const mine = ++this.asked;
    this.filter = filter;
    const all = urls(this.pd.key, filter);
    const message = this.node.querySelector('.gz-message');
    message.innerHTML = '<p class="text-muted">正在加载…</p>';
    ['cases', 'case'].forEach(name => (this.part(name).innerHTML = ''));
    try {
      const [view, backlog, trend] = await Promise.all([load(all.steps), load(all.backlog), load(all.trend)]);
      if (mine !== this.asked) {
        return; // a later filter's answer is on its way
      }
      learnScope(view.district, filter.district);
      const shown = Object.assign({}, filter, {district: view.district || filter.district || ''});
      this.node.querySelector('.gz-filters').innerHTML = filterForm(shown, view.versions, this.places);
      message.innerHTML = '<p class="gz-window">' + esc(view.name) + '：' + esc(describe(shown, this.places)) + '</p>';
      this.part('steps').innerHTML = stepsTable(view, csv(all.steps));
      this.part('backlog').innerHTML = backlogTable(backlog, csv(all.backlog));
      this.part('trend').innerHTML = trendTable(trend, view.window, csv(all.trend));
    } catch (error) {
      if (mine === this.asked) {
        message.innerHTML = '<p class="text-danger gz-refused">' + esc(error.message) + '</p>';
        ['steps', 'backlog', 'trend'].forEach(name => (this.part(name).innerHTML = ''));
      }
    }
  }
}

/** The filter in words, above the tables: which window and which places the figures are for. */
function describe(filter, places) {
  const parts = ['近' + filter.days + '天'];
  parts.push(filter.version ? '第' + filter.version + '版' : '全部版本');
  parts.push(filter.subDistrict ? places.subDistricts[filter.subDistrict] || filter.subDistrict
    : filter.district ? places.districts[filter.district] || filter.district : '全市');
  if (filter.department) {
    parts.push(places.departments[filter.department] || filter.department);
  }
  return parts.join('，');
}

let mounted = null;

export default {
  id: 'gongzu-monitoring',
  pluginPoint: 'cockpit.processDefinition.runtime.tab',
  // before Cockpit's own tabs: the supervisors who use this app come for these figures
  priority: 20,
  properties: {label: '流程监控'},
  render(node, {api, processDefinitionId}) {
    if (mounted) {
      mounted.stop();
    }
    mounted = new MonitoringTab(node, api, processDefinitionId);
    mounted.start().catch(error => {
      node.querySelector('.gz-message').innerHTML = '<p class="text-danger gz-refused">' + esc(error.message) + '</p>';
    });
  },
  unmount() {
    if (mounted) {
      mounted.stop();
      mounted = null;
    }
  }
};
