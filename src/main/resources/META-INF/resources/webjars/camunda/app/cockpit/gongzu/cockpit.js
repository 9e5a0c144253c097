/*
 * Gongzu's additions to Cockpit (docs/adr/0009), loaded through config.js customScripts before
 * Cockpit starts:
 * - the product's name in the page title;
 * - changing actions shown only to users who may perform them (the rules are in
 *   styles/user-styles.css, keyed on the gz-may-<action> classes set here from the server's answer);
 * - the version list of a definition asked with a bound, so the query cap does not refuse it;
 * - the Chinese name of a group beside its id;
 * - the monitoring view (issue 10): the heatmap on a definition's diagram, the 「流程监控」 tab and
 *   the dashboard's list of processes (gongzu/monitoring/);
 * - the 「流程设计」 page for process managers (issue 11, gongzu/modeler/), its editors loaded only there.
 */
import {decorateGroups as decorateGroupCells, onPageChange} from '../../gongzu-shared/group-names.js';
import monitoringDashboard from './monitoring/dashboard.js';
import {forgetScope} from './monitoring/filter.js';
import monitoringHeatmap from './monitoring/overlays.js';
import monitoringTab from './monitoring/tab.js';
import {modelerNavigation, modelerRoute} from './modeler/page.js';

const angular = window.angular;
const API = document.querySelector('base').getAttribute('app-root') + '/api/gongzu/';

// Cockpit keeps the title it finds at start as the first part of every page title
document.querySelector('head title').textContent = '公租 流程监控';

// the versions of one definition: Cockpit first asks for all of them, unbound, and counts and
// asks again when the server's query cap refuses; a definition has far fewer versions than this
const VERSION_LIST_LIMIT = 1000;

// cells that show a group id: Cockpit's task dashboard, and a task's candidate groups dialog
const GROUP_CELLS = ['#task-group-counts td:nth-child(2)', '.identity-links td.id [ng-transclude]'];

let groupNames = null;

function get(path) {
  return fetch(API + path, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
    .then(response => (response.ok ? response.json() : null))
    .catch(() => null);
}

function applyActions(actions) {
  const html = document.documentElement;
  Array.from(html.classList)
    .filter(name => name.startsWith('gz-may-'))
    .forEach(name => html.classList.remove(name));
  Object.keys(actions || {})
    .filter(action => actions[action] === true)
    .forEach(action => html.classList.add('gz-may-' + action));
}

function decorateGroups() {
  decorateGroupCells(GROUP_CELLS, groupNames);
}

onPageChange(decorateGroups);

function userChanged(authentication) {
  applyActions(null);
  forgetScope();
  if (!authentication) {
    return;
  }
  get('actions').then(applyActions);
  if (!groupNames) {
    get('group-names').then(names => {
      groupNames = names;
      decorateGroups();
    });
  }
}

angular
  .module('cam.cockpit.custom')
  .decorator('queryMaxResults', [
    '$delegate',
    function(queryMaxResults) {
      return function(queryParams, query, count) {
        return queryMaxResults(
          Object.assign({maxResults: VERSION_LIST_LIMIT}, queryParams),
          query,
          count
        );
      };
    }
  ])
  .run([
    '$rootScope',
    function($rootScope) {
      $rootScope.$on('authentication.changed', (event, authentication) => userChanged(authentication));
      userChanged($rootScope.authentication);
    }
  ]);

export default [monitoringHeatmap, monitoringTab, monitoringDashboard, modelerNavigation, modelerRoute];
