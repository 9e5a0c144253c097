/*
 * Gongzu's Tasklist custom script (config.js `customScripts`, loaded as an ES module before
 * Tasklist's AngularJS application starts). Plain hand-written JavaScript, no build step.
 *
 * - form-js 1.8.7's English (required, pattern, "Select", "Search", the date placeholder and the
 *   date picker's month and day names) is shown in Chinese;
 * - a refusal of the server shows only its Chinese message, and the fields it names are marked
 *   on the form the way form-js marks its own errors;
 * - refusal toasts go when the user edits the form, submits again or succeeds;
 * - ID numbers are checked in the browser (GB 11643 check character, birth date);
 * - Escape inside a form field no longer closes the start-process dialog.
 *
 * Why this way, and what to check on a Camunda upgrade: docs/adr/0008.
 */

const GENERIC_FORMAT = '格式不正确';
const ID_FORMAT = '应为18位，前17位为数字，最后一位为数字或X';
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARACTERS = '10X98765432';
const CHINESE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const SUBMIT_URL = /\/(task|process-definition)\/.+\/submit-form$/;
const FORM_URL = /\/deployed-(start-)?form(\?|$)/;
const SUBMIT_BUTTONS = "button[ng-click='complete()'], button[ng-click='startProcessInstance()']";

// ---- the language of dates ----

// Tasklist shows Chinese to every browser whose language is not English or German (ADR 0005)
const language = ((navigator.languages && navigator.languages[0]) || navigator.language || 'zh').toLowerCase();
const chineseUi = !/^(en|de)\b/.test(language);

if (chineseUi) {
  // form-js derives the date format and its placeholder from Intl's "default" locale (the
  // operating system's); staff then type dates the way the Chinese interface shows them
  const NativeDateTimeFormat = Intl.DateTimeFormat;
  const DateTimeFormat = function(locales, options) {
    const resolved = locales === 'default' ? 'zh-CN' : locales;
    return new NativeDateTimeFormat(resolved, options);
  };
  DateTimeFormat.prototype = NativeDateTimeFormat.prototype;
  DateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat);
  Intl.DateTimeFormat = DateTimeFormat;
}

const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

function localizeDatePicker() {
  // form-js bundles flatpickr, which registers itself as window.flatpickr; every calendar
  // created afterwards takes the default locale
  const flatpickr = window.flatpickr;
  if (flatpickr && flatpickr.l10ns && flatpickr.l10ns.default.months.longhand[0] !== FLATPICKR_ZH.months.longhand[0]) {
    flatpickr.localize(FLATPICKR_ZH);
    flatpickr.setDefaults({ariaDateFormat: 'Y年n月j日'});
  }
  return !!flatpickr;
}
localizeDatePicker();

// ---- the forms' schemas: which field has which key, label and component id ----

// kind "task" is the form in the task's details, kind "start" the one in the start dialog
const schemas = {task: [], start: []};

function indexSchema(schema) {
  const fields = [];
  (function walk(components, prefix, group) {
    (components || []).forEach(component => {
      if (component.type === 'group' || component.type === 'dynamiclist') {
        const path = component.path ? prefix.concat(component.path.split('.')) : prefix;
        const entry = component.path
          ? {key: path.join('.'), id: component.id, label: component.label || '', group, isGroup: true}
          : group;
        if (component.path) {
          fields.push(entry);
        }
        walk(component.components, path, entry);
      } else if (component.key) {
        fields.push({
          key: prefix.concat(component.key.split('.')).join('.'),
          id: component.id,
          label: component.label || component.dateLabel || component.timeLabel || '',
          description: component.description || '',
          hasPattern: !!(component.validate && component.validate.pattern),
          group
        });
      }
    });
  })(schema && schema.components, [], null);
  return fields;
}

const nativeFetch = window.fetch;
window.fetch = function(input) {
  const response = nativeFetch.apply(this, arguments);
  const url = typeof input === 'string' ? input : (input && input.url) || '';
  const form = FORM_URL.exec(url);
  if (form) {
    const kind = form[1] ? 'start' : 'task';
    response
      .then(res => (res.ok ? res.clone().json() : null))
      .then(schema => {
        if (schema) {
          schemas[kind] = indexSchema(schema);
          clearMarks(kind);
        }
      })
      .catch(() => {});
  }
  return response;
};

function kindOf(element) {
  return element.closest('.modal') ? 'start' : 'task';
}

function isIdKey(key) {
  return /(^|\.)(idNumber|[a-z]\w*IdNumber)$/.test(key);
}

/** The schema entry of a form-js input, e.g. id "fjs-form-0r21qp8-Field_HeadIdNumber". */
function fieldOf(element) {
  const field = element.closest('.fjs-form-field');
  const form = element.closest('form.fjs-form');
  if (!field || !form) {
    return null;
  }
  const control = field.querySelector('input[id^="fjs-form-"], textarea[id^="fjs-form-"], [id^="fjs-form-"]');
  const match = control && /^fjs-form-[a-z0-9]+-(.+)$/.exec(control.id);
  if (!match) {
    return null;
  }
  const rest = match[1];
  return schemas[kindOf(form)].find(entry => !entry.isGroup && (rest === entry.id || rest.startsWith(entry.id + '-'))) || null;
}

function fieldElement(form, entry) {
  const pattern = new RegExp('^fjs-form-[a-z0-9]+-' + entry.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '(-|$)');
  const control = Array.from(form.querySelectorAll('[id^="fjs-form-"]')).find(element => pattern.test(element.id));
  return control ? control.closest('.fjs-form-field') : null;
}

// ---- marks on the fields: the server's refusals and the browser's own ID checks ----

// "kind|key" -> {kind, key, label, server, browser}
const marks = new Map();

function mark(kind, entry, source, message) {
  const id = kind + '|' + entry.key;
  const current = marks.get(id) || {kind, key: entry.key, id: entry.id};
  current[source] = message || null;
  if (current.server || current.browser) {
    marks.set(id, current);
  } else {
    marks.delete(id);
  }
  scheduleRender();
}

function clearMarks(kind, source) {
  Array.from(marks.values()).filter(m => m.kind === kind).forEach(m => {
    if (source) {
      m[source] = null;
      if (!m.server && !m.browser) {
        marks.delete(m.kind + '|' + m.key);
      }
    } else {
      marks.delete(m.kind + '|' + m.key);
    }
  });
  scheduleRender();
}

let renderPending = false;

function scheduleRender() {
  if (!renderPending) {
    renderPending = true;
    Promise.resolve().then(() => {
      renderPending = false;
      renderMarks();
    });
  }
}

/** Puts each mark on its field, as form-js shows its own errors; touches the DOM only when it differs. */
function renderMarks() {
  document.querySelectorAll('form.fjs-form').forEach(form => {
    const kind = kindOf(form);
    const wanted = new Map();
    marks.forEach(m => {
      if (m.kind === kind) {
        const element = fieldElement(form, m);
        if (element) {
          wanted.set(element, [m.server, m.browser].filter((text, i, all) => text && all.indexOf(text) === i));
        }
      }
    });
    form.querySelectorAll('[data-gz-error]').forEach(element => {
      if (!wanted.has(element)) {
        element.removeAttribute('data-gz-error');
      }
    });
    form.querySelectorAll('.gz-field-error').forEach(element => {
      if (!wanted.has(element.parentElement)) {
        element.remove();
      }
    });
    wanted.forEach((messages, element) => {
      const text = messages.join('\n');
      if (element.getAttribute('data-gz-error') !== text) {
        element.setAttribute('data-gz-error', text);
      }
      let box = Array.from(element.children).find(child => child.classList.contains('gz-field-error'));
      if (!box) {
        box = document.createElement('div');
        box.className = 'fjs-form-field-error gz-field-error';
        box.setAttribute('aria-live', 'polite');
        box.appendChild(document.createElement('ul'));
      }
      if (box.parentElement !== element || box !== element.lastElementChild) {
        element.appendChild(box);
      }
      const list = box.firstElementChild;
      if (Array.from(list.children).map(li => li.textContent).join('\n') !== text) {
        list.replaceChildren(...messages.map(message => {
          const li = document.createElement('li');
          li.textContent = message;
          return li;
        }));
      }
    });
  });
}

// ---- ID numbers (GB 11643), as the server checks them (org.gongzu.validation.IdNumber) ----

function idProblem(raw) {
  const number = raw.trim().toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(number)) {
    return ID_FORMAT;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(number[i]) * ID_WEIGHTS[i];
  }
  if (ID_CHECK_CHARACTERS[sum % 11] !== number[17]) {
    return '校验位不正确，请核对号码';
  }
  const year = Number(number.slice(6, 10));
  const month = Number(number.slice(10, 12));
  const day = Number(number.slice(12, 14));
  const birth = new Date(year, month - 1, day);
  if (birth.getFullYear() !== year || birth.getMonth() !== month - 1 || birth.getDate() !== day) {
    return '其中的出生日期（第7至14位）不是有效日期';
  }
  if (year < 1900) {
    return '其中的出生日期早于1900年';
  }
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  if (birth > today) {
    return '其中的出生日期晚于今天';
  }
  return null;
}

// the value last checked per input, so that re-renders don't re-check
const checkedIds = new WeakMap();

function checkIdInput(input, leaving) {
  const entry = fieldOf(input);
  if (!entry || !isIdKey(entry.key)) {
    return;
  }
  const value = input.value || '';
  if (!leaving && checkedIds.get(input) === value) {
    return;
  }
  checkedIds.set(input, value);
  let problem = value.trim() ? idProblem(value) : null;
  if (problem === ID_FORMAT && (entry.hasPattern || !leaving)) {
    // form-js's own pattern check reports the format; while typing, a short number is no error yet
    problem = null;
  }
  mark(kindOf(input), entry, 'browser', problem && '「' + entry.label + '」' + problem);
}

function checkIdInputs(root) {
  root.querySelectorAll('form.fjs-form input.fjs-input').forEach(input => checkIdInput(input, false));
}

// ---- refusals: the toast and the fields it names ----

/** The Chinese part of a server message: an English prefix such as "Cannot submit task form <id>: " goes. */
function chineseMessage(text) {
  if (!text) {
    return '';
  }
  let message = String(text).trim();
  const start = message.search(CHINESE);
  if (start < 0) {
    return '';
  }
  const head = message.slice(0, start);
  if (/^[\x00-\x7f]*:\s*$/.test(head)) {
    message = message.slice(start);
  }
  return message.trim();
}

/** "members[1].idNumber" (REST lists) is the form's "member2.idNumber" (numbered groups, ADR 0003). */
function formKey(key) {
  return String(key).replace(/([A-Za-z]\w*?)s\[(\d+)\]/g, (all, name, index) => name + (Number(index) + 1));
}

function byKey(kind, key) {
  const fields = schemas[kind];
  return fields.find(f => !f.isGroup && f.key === key) || fields.find(f => !f.isGroup && f.key === formKey(key)) || null;
}

/** Without "fields", the 「label」 quoted in each sentence names the field (and "第2位成员的" its group). */
function byLabels(kind, message) {
  const fields = schemas[kind].filter(f => !f.isGroup);
  const groups = schemas[kind].filter(f => f.isGroup);
  const found = [];
  message.split(/[；;]\s*/).filter(Boolean).forEach(sentence => {
    const quote = /「([^」]+)」/g;
    let match;
    while ((match = quote.exec(sentence))) {
      const label = match[1];
      const before = sentence.slice(0, match.index);
      const group = groups.find(g => g.label && before.endsWith(g.label + '的')) ||
        groups.find(g => g.label && before.includes(g.label));
      const named = fields.filter(f => f.label === label);
      const candidates = [
        group ? named.filter(f => f.group === group) : [],
        named.filter(f => !f.group),
        named.length === 1 ? named : [],
        fields.filter(f => f.label.startsWith(label) || label.startsWith(f.label))
      ].find(list => list.length === 1);
      if (candidates) {
        found.push({entry: candidates[0], message: sentence});
        break;
      }
    }
  });
  return found;
}

function refusedFields(kind, body) {
  const message = chineseMessage(body && body.message);
  if (body && Array.isArray(body.fields) && body.fields.length) {
    return body.fields
      .map(f => ({entry: byKey(kind, f.field), message: chineseMessage(f.message) || message}))
      .filter(f => f.entry);
  }
  return message ? byLabels(kind, message) : [];
}

function onSubmitted(kind, status, text) {
  if (status >= 200 && status < 300) {
    clearMarks(kind, 'server');
    clearToasts();
    return;
  }
  let body = null;
  try {
    body = JSON.parse(text);
  } catch (e) {
    body = null;
  }
  const refused = refusedFields(kind, body);
  refused.forEach(f => mark(kind, f.entry, 'server', f.message));
  if (refused.length) {
    Promise.resolve().then(() => {
      const form = Array.from(document.querySelectorAll('form.fjs-form')).find(f => kindOf(f) === kind);
      const element = form && fieldElement(form, refused[0].entry);
      if (element) {
        element.scrollIntoView({block: 'center'});
      }
    });
  }
}

const nativeOpen = XMLHttpRequest.prototype.open;
const nativeSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.open = function(method, url) {
  this.gongzuRequest = {method: String(method).toUpperCase(), url: String(url).split('?')[0]};
  return nativeOpen.apply(this, arguments);
};
XMLHttpRequest.prototype.send = function() {
  const request = this.gongzuRequest;
  if (request && request.method === 'POST' && SUBMIT_URL.test(request.url)) {
    const kind = /\/task\//.test(request.url) ? 'task' : 'start';
    // a new attempt: the last one's refusal no longer applies
    clearMarks(kind, 'server');
    clearToasts();
    this.addEventListener('loadend', () => onSubmitted(kind, this.status, this.responseText));
  }
  return nativeSend.apply(this, arguments);
};

// ---- Tasklist's notifications (AngularJS) ----

let notifications = null;
let rootScope = null;
const errorToasts = [];

function clearToasts() {
  if (!notifications || !errorToasts.length) {
    return;
  }
  errorToasts.splice(0).forEach(toast => notifications.clear(toast));
  if (rootScope) {
    rootScope.$applyAsync();
  }
}

// an inert document: markup in a message (which may echo what a user typed) never loads or runs
function plainText(html) {
  return new DOMParser().parseFromString(String(html), 'text/html').body.textContent;
}

const angular = window.angular;
if (angular) {
  const tasklist = angular.module('cam.tasklist');
  tasklist.config(['$provide', function($provide) {
    $provide.decorator('Notifications', ['$delegate', function(delegate) {
      const add = delegate.add;
      delegate.add = function(notification) {
        if (notification && (notification.type === 'danger' || notification.type === 'error')) {
          const raw = notification.unsafe ? plainText(notification.message || '') : notification.message;
          const message = chineseMessage(raw);
          if (message) {
            // the server's Chinese sentence alone: no English prefix, no ids
            notification.status = message;
            notification.unsafe = false;
          }
          notification.message = '';
          errorToasts.push(notification);
        }
        return add.apply(this, arguments);
      };
      notifications = delegate;
      return delegate;
    }]);
  }]);
  tasklist.run(['$rootScope', function($rootScope) {
    rootScope = $rootScope;
  }]);
}

// ---- form-js's English, in Chinese ----

function patternMessage(node) {
  const element = node.parentElement;
  const entry = element && fieldOf(element);
  if (entry && isIdKey(entry.key)) {
    return ID_FORMAT;
  }
  return entry && entry.description ? GENERIC_FORMAT + '：' + entry.description : GENERIC_FORMAT;
}

const TEXT_RULES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must match pattern [\s\S]*\.$/, (match, node) => patternMessage(node)],
  [/^Field must have minimum value of (.+)\.$/, match => '不能小于 ' + match[1]],
  [/^Field must have maximum value of (.+)\.$/, match => '不能大于 ' + match[1]],
  [/^Field must have minimum length of (\d+)\.$/, match => '至少 ' + match[1] + ' 个字符'],
  [/^Field must have maximum length of (\d+)\.$/, match => '不能超过 ' + match[1] + ' 个字符'],
  [/^Field must be a valid\s+international phone number\. \(e\.g\. (.+)\)$/, match => '请输入有效的国际电话号码，例如 ' + match[1]],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址'],
  [/^Value is not a number\.$/, () => '请输入数字'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, match => '最多 ' + match[1] + ' 位小数'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    match => '请输入有效的数值，最接近的有效值为 ' + match[1] + ' 和 ' + match[2]],
  [/^Select$/, () => '请选择'],
  [/^Search$/, () => '搜索'],
  [/^No results$/, () => '无匹配项']
];

const PLACEHOLDERS = {Search: '搜索', Select: '请选择', 'hh:mm': '时:分'};

function translateText(node) {
  const text = node.data.trim();
  if (!text || CHINESE.test(text)) {
    return;
  }
  for (const [pattern, translate] of TEXT_RULES) {
    const match = pattern.exec(text);
    if (match) {
      // in place: Preact keeps its text node and overwrites it only when its own text changes
      node.data = translate(match, node);
      return;
    }
  }
}

function translatePlaceholder(input) {
  const placeholder = input.getAttribute('placeholder');
  if (!placeholder) {
    return;
  }
  let chinese = PLACEHOLDERS[placeholder];
  if (!chinese && /^(yyyy|mm|dd)([^a-z]+(yyyy|mm|dd)){2}$/i.test(placeholder)) {
    // the date format form-js derived, e.g. yyyy/mm/dd -> 年/月/日 (the order stays as typed)
    chinese = placeholder.replace(/yyyy/i, '年').replace(/mm/i, '月').replace(/dd/i, '日');
  }
  if (chinese && chinese !== placeholder) {
    input.setAttribute('placeholder', chinese);
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateText(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (root.matches('input[placeholder]')) {
    translatePlaceholder(root);
  }
  root.querySelectorAll('input[placeholder]').forEach(translatePlaceholder);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    translateText(node);
  }
}

function insideForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest('.fjs-container'));
}

const observer = new MutationObserver(mutations => {
  let formChanged = false;
  mutations.forEach(mutation => {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach(node => {
        if (insideForm(node)) {
          formChanged = true;
          translateTree(node);
        } else if (node.nodeType === Node.ELEMENT_NODE && node.querySelector('.fjs-container')) {
          formChanged = true;
          node.querySelectorAll('.fjs-container').forEach(translateTree);
        }
      });
      if (mutation.removedNodes.length && insideForm(mutation.target)) {
        formChanged = true;
      }
    } else if (insideForm(mutation.target)) {
      formChanged = true;
      if (mutation.type === 'characterData') {
        translateText(mutation.target);
      } else {
        translatePlaceholder(mutation.target);
      }
    }
  });
  if (formChanged) {
    localizeDatePicker();
    checkIdInputs(document);
    scheduleRender();
  }
});

function observe() {
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder']
  });
}

if (document.body) {
  observe();
} else {
  document.addEventListener('DOMContentLoaded', observe);
}

// ---- what the user does ----

function onEdit(event) {
  const target = event.target;
  if (!(target instanceof Element) || !target.closest('form.fjs-form')) {
    return;
  }
  const entry = fieldOf(target);
  if (entry) {
    mark(kindOf(target), entry, 'server', null);
  }
  clearToasts();
  if (target.matches('input.fjs-input')) {
    checkIdInput(target, event.type === 'change' || event.type === 'focusout');
  }
}

document.addEventListener('input', onEdit, true);
document.addEventListener('change', onEdit, true);
document.addEventListener('focusout', event => {
  if (event.target instanceof Element && event.target.matches('form.fjs-form input.fjs-input')) {
    checkIdInput(event.target, true);
  }
}, true);
document.addEventListener('mousedown', event => {
  // choosing from a form-js select list is an edit, although no input event fires
  if (event.target instanceof Element && event.target.closest('form.fjs-form .fjs-dropdownlist')) {
    onEdit(event);
  }
}, true);

document.addEventListener('click', event => {
  const button = event.target instanceof Element && event.target.closest(SUBMIT_BUTTONS);
  if (!button) {
    return;
  }
  const kind = kindOf(button);
  clearToasts();
  const scope = button.closest('.modal') || button.closest('.task-details') || document;
  scope.querySelectorAll('form.fjs-form input.fjs-input').forEach(input => checkIdInput(input, true));
  renderMarks();
  const form = Array.from(document.querySelectorAll('form.fjs-form')).find(f => kindOf(f) === kind);
  const first = form && Array.from(marks.values())
    .filter(m => m.kind === kind && m.browser)
    .map(m => fieldElement(form, m))
    .find(Boolean);
  if (first) {
    // the browser already knows the number is wrong: no round trip, the field says why
    event.preventDefault();
    event.stopImmediatePropagation();
    first.scrollIntoView({block: 'center'});
  }
}, true);

document.addEventListener('keydown', event => {
  // Escape closes a date picker or a select list; it must not also close the start dialog and
  // lose what was typed (the dialog's Escape handler skips events whose default is prevented)
  if (event.key === 'Escape' && event.target instanceof Element &&
      event.target.closest('.modal .fjs-container, .modal .flatpickr-calendar')) {
    event.preventDefault();
  }
}, true);

// the static page title is "Camunda Tasklist" until the header sets the configured one
document.title = '公租 任务列表';

// shows a refusal as if the server had answered it, for the browser tests and for support staff
// trying out a server's answer (kind "task" or "start", body {message, fields: [{field, message}]})
window.gongzuTasklist = Object.freeze({
  showRefusal: (kind, body) => onSubmitted(kind, 400, JSON.stringify(body))
});
