/*
 * Gongzu's additions to Admin (docs/adr/0009), loaded through config.js customScripts before
 * Admin starts:
 * - the product's name in the page title;
 * - on a user's groups tab, a department picker: search a department of a place (学院路, 居委会,
 *   110108 …) and add the user to it in one step; the department group carries the staff rights;
 * - the Chinese name of a group beside its id where Admin shows the id alone;
 * - the 「邮件发送」 page (the mail outbox, gongzu/mail-outbox.js) and its header entry for administrators.
 */
import {decorateGroups as decorateGroupCells, onPageChange} from '../../gongzu-shared/group-names.js';
import {outboxNavigation, outboxRoute} from './mail-outbox.js';

const angular = window.angular;
const API = document.querySelector('base').getAttribute('app-root') + '/api/gongzu/';

// Admin keeps the title it finds at start as the first part of every page title
document.querySelector('head title').textContent = '公租 系统管理';

// cells that show a group id without its name: the authorizations list
const GROUP_CELLS = ['td.user.group > span[ng-show="!!authorization.groupId"]'];

let groupNames = null;
// what the picker last said, kept across the reload of the groups tab that follows an addition
let lastStatus = null;

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

function request(method, path, body) {
  const headers = {Accept: 'application/json'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers['X-XSRF-TOKEN'] = csrfToken();
  }
  return fetch(API + path, {
    method,
    credentials: 'same-origin',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(response =>
    response
      .json()
      .catch(() => ({}))
      .then(data => ({ok: response.ok, data}))
  );
}

// ---- group names ----

function decorateGroups() {
  decorateGroupCells(GROUP_CELLS, groupNames);
}

// ---- department picker ----

function currentUserId() {
  const match = window.location.hash.match(/^#\/users\/([^?/]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

function reloadView() {
  const injector = angular.element(document.documentElement).injector();
  if (injector) {
    injector.get('$route').reload();
    injector.get('$rootScope').$applyAsync();
  }
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function buildPicker(userId) {
  const picker = element('div', 'gz-department-picker');
  picker.dataset.userId = userId;
  picker.appendChild(element('div', 'h4', '加入部门'));
  picker.appendChild(
    element(
      'p',
      'help-block',
      '输入街道、区、部门名称或地区代码（如 学院路、居委会、110108），在结果中点击「加入」：' +
        '用户即成为该部门的工作人员，可在任务列表中办理本部门的任务。'
    )
  );
  const input = element('input', 'form-control gz-department-search');
  input.type = 'search';
  input.placeholder = '搜索部门';
  input.setAttribute('aria-label', '搜索部门');
  picker.appendChild(input);
  const results = element('ul', 'gz-results');
  picker.appendChild(results);
  const status = element('p', 'gz-status');
  status.setAttribute('role', 'status');
  picker.appendChild(status);
  if (lastStatus && lastStatus.userId === userId) {
    status.textContent = lastStatus.text;
    status.className = 'gz-status ' + lastStatus.className;
  }

  function say(text, className) {
    lastStatus = {userId, text, className};
    status.textContent = text;
    status.className = 'gz-status ' + className;
  }

  function add(group) {
    request('POST', 'department-members', {userId, groupId: group.groupId}).then(({ok, data}) => {
      if (!ok) {
        say(data.message || '未能加入该部门', 'text-danger');
        return;
      }
      say(
        data.added ? '已加入「' + data.name + '」' : '该用户已在「' + data.name + '」中',
        'text-success'
      );
      reloadView();
    });
  }

  function show(groups) {
    results.textContent = '';
    if (!groups.length) {
      results.appendChild(element('li', 'text-muted', '未找到匹配的部门'));
      return;
    }
    groups.forEach(group => {
      const item = element('li', 'gz-result');
      item.appendChild(element('span', 'gz-department-name', group.name));
      item.appendChild(element('code', null, group.groupId));
      const button = element('button', 'btn btn-xs btn-primary gz-add', '加入');
      button.type = 'button';
      button.addEventListener('click', () => add(group));
      item.appendChild(button);
      results.appendChild(item);
    });
  }

  let timer = null;
  let asked = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const query = input.value.trim();
    if (!query) {
      results.textContent = '';
      return;
    }
    timer = window.setTimeout(() => {
      const mine = ++asked;
      request('GET', 'departments?q=' + encodeURIComponent(query)).then(({ok, data}) => {
        if (mine !== asked) {
          return;
        }
        if (!ok) {
          results.textContent = '';
          say(data.message || '无法查询部门', 'text-danger');
          return;
        }
        show(data);
      });
    }, 250);
  });
  return picker;
}

function placePicker() {
  const form = document.querySelector('form[name="updateGroupMemberships"]');
  const userId = currentUserId();
  if (!form || !userId) {
    return;
  }
  const existing = form.parentNode.querySelector(':scope > .gz-department-picker');
  if (existing && existing.dataset.userId === userId) {
    return;
  }
  if (existing) {
    existing.remove();
  }
  form.parentNode.insertBefore(buildPicker(userId), form);
}

// ---- wiring ----

// only administrators open Admin; the server refuses the picker to anyone else
let loggedIn = false;
let administrator = false;
onPageChange(() => {
  decorateGroups();
  outboxNavigation(loggedIn && administrator);
  if (loggedIn) {
    placePicker();
  }
});

function userChanged(authentication) {
  loggedIn = !!authentication;
  administrator = false;
  if (authentication) {
    // the user's own groups (engine REST); the outbox is for camunda-admin only
    fetch(document.querySelector('base').getAttribute('app-root') + '/api/engine/engine/default/identity/groups?userId=' +
      encodeURIComponent(authentication.name), {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(response => (response.ok ? response.json() : {groups: []}))
      .then(answer => {
        administrator = (answer.groups || []).some(group => group.id === 'camunda-admin');
        outboxNavigation(loggedIn && administrator);
      })
      .catch(() => {});
  }
  if (authentication && !groupNames) {
    request('GET', 'group-names').then(({ok, data}) => {
      if (ok) {
        groupNames = data;
        decorateGroups();
      }
    });
  }
}

angular.module('cam.admin.custom').run([
  '$rootScope',
  function($rootScope) {
    $rootScope.$on('authentication.changed', (event, authentication) => userChanged(authentication));
    userChanged($rootScope.authentication);
  }
]);

export default [outboxRoute];
