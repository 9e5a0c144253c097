/*
 * The 「邮件发送」 page of Admin (issue 12, docs/adr/0026): the mail outbox by status, with each row's
 * recipient, kind, subject, attempts, last error and times, and 「重新发送」 on a row that failed.
 * Admin 7.24 has no header plugin point, so the page is an admin.route and its header entry is added
 * by gongzu/admin.js for administrators (the API answers everyone else 403).
 */
import {esc, refusal, request} from '../../gongzu-shared/urge.js';

export const OUTBOX_ROUTE = '/mail-outbox';

const STATUS = [['', '全部'], ['PENDING', '待发送'], ['FAILED', '发送失败'], ['SENT', '已发送'], ['HELD', '待汇总'],
  ['DIGESTED', '已汇总']];
const STATUS_NAMES = Object.fromEntries(STATUS.filter(s => s[0]));
const KINDS = {ARRIVAL: '新任务通知', REMINDER: '到期提醒', ESCALATION: '超期督办', URGE: '催办', DIGEST: '每日汇总'};
const BEIJING = new Intl.DateTimeFormat('zh-CN', {timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});

function time(value) {
  if (!value) {
    return '—';
  }
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(value)).map(p => [p.type, p.value]));
  return parts.year + '-' + parts.month + '-' + parts.day + ' ' + parts.hour + ':' + parts.minute + ':' + parts.second;
}

function row(mail) {
  return '<tr data-id="' + esc(mail.id) + '" class="gz-outbox-' + esc(mail.status.toLowerCase()) + '">' +
    '<td>' + esc(mail.id) + '</td>' +
    '<td>' + esc(STATUS_NAMES[mail.status] || mail.status) + '</td>' +
    '<td>' + esc(KINDS[mail.kind] || mail.kind) + '</td>' +
    '<td>' + esc(mail.recipient) + (mail.recipientId ? '<div class="text-muted">' + esc(mail.recipientId) + '</div>' : '') +
    '</td>' +
    '<td>' + esc(mail.subject) + (mail.caseId ? '<div class="text-muted">案卷 ' + esc(mail.caseId) + '</div>' : '') + '</td>' +
    '<td class="gz-num">' + esc(mail.attempts) + '</td>' +
    '<td class="gz-last-error">' + esc(mail.lastError || '') + '</td>' +
    '<td>' + esc(time(mail.createdAt)) + '</td>' +
    '<td>' + esc(mail.status === 'PENDING' ? time(mail.nextAttemptAt) : '—') + '</td>' +
    '<td>' + esc(time(mail.sentAt)) + '</td>' +
    '<td>' + (mail.status === 'FAILED'
      ? '<button type="button" class="btn btn-xs btn-primary gz-retry" data-id="' + esc(mail.id) + '">重新发送</button>'
      : '') + '<span class="gz-retry-result"></span></td>' +
    '</tr>';
}

class OutboxPage {
  constructor(node) {
    this.node = node;
    this.status = new URLSearchParams(window.location.hash.split('?')[1] || '').get('status') || '';
    node.innerHTML = '<div class="gz-outbox">' +
      '<h2>邮件发送</h2>' +
      '<p class="text-muted">系统发出的邮件先写入发件箱，再由发送程序逐封发送，失败后自动重试；' +
      '多次重试仍失败的邮件标为「发送失败」，可在此查看原因并重新发送。未配置邮件服务器时，邮件保持「待发送」。</p>' +
      '<form class="form-inline gz-outbox-filter"><label>状态 <select class="form-control input-sm" name="status">' +
      STATUS.map(([value, label]) => '<option value="' + value + '"' + (value === this.status ? ' selected' : '') + '>' +
        label + '</option>').join('') + '</select></label> ' +
      '<button type="button" class="btn btn-default btn-sm gz-outbox-reload">刷新</button></form>' +
      '<div class="gz-outbox-message" role="status"></div><div class="gz-outbox-rows"></div></div>';
    node.querySelector('select').addEventListener('change', event => {
      this.status = event.target.value;
      this.load();
    });
    node.querySelector('.gz-outbox-reload').addEventListener('click', () => this.load());
    node.addEventListener('click', event => {
      const retry = event.target.closest('button.gz-retry');
      if (retry) {
        this.retry(retry);
      }
    });
    this.load();
  }

  async load() {
    const rows = this.node.querySelector('.gz-outbox-rows');
    rows.innerHTML = '<p class="text-muted">正在加载……</p>';
    const answer = await request('GET', '/api/gongzu/mail/outbox' + (this.status ? '?status=' + this.status : ''));
    if (!answer.ok) {
      rows.innerHTML = '<p class="text-danger gz-outbox-refused">' + esc(refusal(answer)) + '</p>';
      return;
    }
    const mails = answer.body;
    rows.innerHTML = mails.length
      ? '<p>共 ' + mails.length + ' 封' + (mails.length >= 500 ? '（只列出最新的 500 封）' : '') + '</p>' +
        '<table class="table table-condensed gz-outbox-table"><thead><tr><th>编号</th><th>状态</th><th>类型</th>' +
        '<th>收件人</th><th>主题</th><th>尝试次数</th><th>最后错误</th><th>写入时间</th><th>下次尝试</th><th>发送时间</th>' +
        '<th></th></tr></thead><tbody>' + mails.map(row).join('') + '</tbody></table>'
      : '<p class="text-muted">没有' + (this.status ? '「' + STATUS_NAMES[this.status] + '」的' : '') + '邮件。</p>';
  }

  async retry(button) {
    button.disabled = true;
    const result = button.parentElement.querySelector('.gz-retry-result');
    const answer = await request('POST', '/api/gongzu/mail/outbox/' + encodeURIComponent(button.dataset.id) + '/retry');
    if (answer.ok) {
      // the row waits for the sender again; 刷新 shows how it went
      button.closest('tr').children[1].textContent = STATUS_NAMES.PENDING;
      button.remove();
      result.textContent = '已重新排入发送';
      result.className = 'gz-retry-result text-success';
      return;
    }
    button.disabled = false;
    result.textContent = refusal(answer);
    result.className = 'gz-retry-result text-danger';
  }
}

export const outboxRoute = {
  id: 'gongzu-mail-outbox',
  pluginPoint: 'admin.route',
  priority: 0,
  properties: {path: OUTBOX_ROUTE},
  render(node) {
    document.querySelector('head title').textContent = '公租 邮件发送';
    new OutboxPage(node);
  }
};

/** The header entry, for administrators only (members of camunda-admin, as the server checks). */
export function outboxNavigation(isAdministrator) {
  const nav = document.querySelector('[cam-widget-header] ul[cam-if-logged-in]');
  const item = nav && nav.querySelector('.gz-nav-outbox');
  if (!nav || !isAdministrator) {
    if (item) {
      item.remove();
    }
    return;
  }
  if (!item) {
    const entry = document.createElement('li');
    entry.className = 'gz-nav-outbox';
    entry.innerHTML = '<a href="#' + OUTBOX_ROUTE + '">邮件发送</a>';
    nav.appendChild(entry);
  }
  nav.querySelector('.gz-nav-outbox').classList.toggle('active', window.location.hash.indexOf('#' + OUTBOX_ROUTE) === 0);
}
