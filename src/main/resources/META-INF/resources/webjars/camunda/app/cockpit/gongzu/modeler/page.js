/*
 * The 「流程设计」 page (issue 11): the models by kind with their versions, an editor per kind,
 * and check, diff, deploy with a reason, migration of running cases, rollback, download and, for
 * decisions, a trial evaluation. The server decides who may do what; a refusal or a missing
 * endpoint is told in Chinese and the rest of the page keeps working.
 */
import {esc} from '../monitoring/format.js';
import {api} from './api.js';
import {openEditor, unloadStyles} from './editor.js';
import {auditTable, batchResult, diffList, evaluateForm, evaluateResult, migrationSources, previewResult, problemList,
  typed} from './panels.js';
import {KINDS, template, validKey} from './templates.js';

export const ROUTE = '/gongzu-modeler';
const POLL_MS = 1000;

const PAGE = `<div class="gz-modeler">
  <aside class="gz-modeler-side">
    <p><a href="#" class="gz-open-audit">部署记录</a></p>
    <div class="gz-designer">
    <h4>模型</h4>
    <div class="gz-model-list"><p class="text-muted">正在加载…</p></div>
    <h4>新建</h4>
    <form class="gz-new">
      <select class="form-control input-sm" name="kind">${Object.keys(KINDS).map(kind =>
        `<option value="${kind}">${KINDS[kind].label}</option>`).join('')}</select>
      <input class="form-control input-sm" name="key" placeholder="标识，如 HouseholdVisit" required>
      <input class="form-control input-sm" name="name" placeholder="中文名称" required>
      <button type="submit" class="btn btn-default btn-sm">新建</button>
    </form>
    </div>
  </aside>
  <section class="gz-modeler-main">
    <div class="gz-modeler-toolbar"><span class="gz-modeler-title text-muted">请在左侧打开或新建一个模型。</span></div>
    <div class="gz-modeler-work"><div class="gz-modeler-canvas"></div><div class="gz-modeler-properties"></div></div>
    <div class="gz-modeler-panel"></div>
  </section>
</div>`;

function message(error) {
  return '<p class="gz-error">' + esc(error.message) + '</p>';
}

class Page {
  constructor(node) {
    this.node = node;
    node.innerHTML = PAGE;
    this.models = [];
    this.open = null;
    this.editor = null;
    this.$ = selector => node.querySelector(selector);
    this.$('.gz-new').addEventListener('submit', event => {
      event.preventDefault();
      this.createNew(new FormData(event.target));
    });
    this.$('.gz-open-audit').addEventListener('click', event => {
      event.preventDefault();
      this.audit(null);
    });
    this.loadList();
  }

  async loadList() {
    const list = this.$('.gz-model-list');
    try {
      this.models = await api.list();
    } catch (error) {
      if (error.status === 403) {
        this.auditOnly();
        return;
      }
      list.innerHTML = message(error);
      return;
    }
    list.innerHTML = Object.keys(KINDS).map(kind => '<h5>' + KINDS[kind].label + '</h5><ul>' +
      this.models.filter(model => model.kind === kind).map(model => '<li data-kind="' + esc(kind) + '" data-key="' +
        esc(model.key) + '"><a href="#" class="gz-open">' + esc(model.name || model.key) + '</a> <select class="gz-version">' +
        model.versions.slice().sort((a, b) => b - a).map(version => '<option value="' + version + '">第 ' + version + ' 版' +
          (version === model.latestVersion ? '（最新）' : '') + '</option>').join('') + '</select></li>').join('') +
      '</ul>').join('');
    list.querySelectorAll('.gz-open').forEach(link => link.addEventListener('click', event => {
      event.preventDefault();
      const item = link.closest('li');
      this.openDeployed(item.dataset.kind, item.dataset.key, Number(item.querySelector('.gz-version').value));
    }));
  }

  /** Supervisors read the deployment audit; the editors and every changing button stay away. */
  auditOnly() {
    this.node.querySelector('.gz-modeler').classList.add('gz-audit-only');
    this.$('.gz-designer').remove();
    this.$('.gz-modeler-work').remove();
    this.$('.gz-modeler-toolbar').innerHTML = '<span class="gz-modeler-title">模型部署记录（只读）</span>';
    this.audit(null);
  }

  async audit(key) {
    const title = '<h4>部署记录' + (key ? '：<code>' + esc(key) + '</code>' : '') + '</h4>';
    this.show(title + '<p class="text-muted">正在加载…</p>');
    try {
      this.show(title + auditTable(await api.audit(key)));
    } catch (error) {
      this.show(title + message(error));
    }
  }

  auditOfOpen() {
    this.audit(this.open.key);
  }

  createNew(form) {
    const kind = form.get('kind');
    const key = String(form.get('key')).trim();
    const name = String(form.get('name')).trim();
    if (!validKey(key)) {
      this.show('<p class="gz-error">「标识」须以字母开头，只含字母、数字、- 或 _。</p>');
      return;
    }
    this.edit({kind, key, name, version: null, latestVersion: null}, template(kind, key, name));
  }

  async openDeployed(kind, key, version) {
    try {
      const model = await api.load(kind, key, version);
      const summary = this.models.find(item => item.kind === kind && item.key === key);
      this.edit({kind, key, name: model.name, version: model.version, latestVersion: summary && summary.latestVersion},
        model.content);
    } catch (error) {
      this.show(message(error));
    }
  }

  async edit(model, content) {
    if (this.editor) {
      this.editor.destroy();
      this.editor = null;
    }
    this.open = model;
    const canvas = this.$('.gz-modeler-canvas');
    const properties = this.$('.gz-modeler-properties');
    canvas.innerHTML = '';
    properties.innerHTML = '';
    properties.hidden = model.kind === 'form';
    this.node.querySelector('.gz-modeler').dataset.kind = model.kind;
    this.toolbar();
    this.show('<p class="text-muted">正在打开编辑器…</p>');
    try {
      this.editor = await openEditor(model.kind, canvas, model.kind === 'form' ? null : properties, content);
      this.show('');
    } catch (error) {
      this.show('<p class="gz-error">无法打开模型：' + esc(error.message) + '</p>');
    }
  }

  toolbar() {
    const model = this.open;
    const older = model.version && model.latestVersion && model.version < model.latestVersion;
    const bar = this.$('.gz-modeler-toolbar');
    bar.innerHTML = '<span class="gz-modeler-title">' + esc(model.name || model.key) + ' <code>' + esc(model.key) + '</code> ' +
      (model.version ? '第 ' + esc(model.version) + ' 版' : '（新建，未部署）') + '</span>' +
      '<button type="button" class="btn btn-default btn-sm" data-action="check">检查</button>' +
      '<button type="button" class="btn btn-default btn-sm" data-action="diff">比较差异</button>' +
      '<button type="button" class="btn btn-primary btn-sm" data-action="deploy">部署</button>' +
      (model.kind === 'dmn' ? '<button type="button" class="btn btn-default btn-sm" data-action="evaluate">试算</button>' : '') +
      (model.kind === 'bpmn' && model.version ? '<button type="button" class="btn btn-default btn-sm" data-action="migration">迁移运行中的案件</button>' : '') +
      (older ? '<button type="button" class="btn btn-warning btn-sm" data-action="rollback">回滚到此版本</button>' : '') +
      (model.version ? '<button type="button" class="btn btn-default btn-sm" data-action="auditOfOpen">部署记录</button>' : '') +
      (model.version ? '<a class="btn btn-link btn-sm gz-download" href="' + esc(api.fileUrl(model.kind, model.key, model.version)) +
        '">下载</a>' : '');
    bar.querySelectorAll('[data-action]').forEach(button => button.addEventListener('click', () => this[button.dataset.action]()));
  }

  show(html) {
    const panel = this.$('.gz-modeler-panel');
    panel.innerHTML = html;
    panel.querySelectorAll('.gz-problem-element').forEach(link => link.addEventListener('click', event => {
      event.preventDefault();
      this.select(link.dataset.element);
    }));
    return panel;
  }

  select(elementId) {
    const modeler = this.editor && this.editor.modeler;
    if (modeler && this.open.kind === 'bpmn') {
      const element = modeler.get('elementRegistry').get(elementId);
      if (element) {
        modeler.get('selection').select(element);
        modeler.get('canvas').scrollToElement(element);
      }
    }
  }

  fileName() {
    return (this.editor.key() || this.open.key) + KINDS[this.open.kind].extension;
  }

  async check() {
    const content = await this.editor.save();
    const local = await this.editor.lint();
    let server = [];
    let unavailable = '';
    try {
      server = (await api.check(this.open.kind, this.fileName(), content)).problems || [];
    } catch (error) {
      unavailable = '<p class="gz-error">服务器检查未完成：' + esc(error.message) + '</p>';
    }
    const problems = server.concat(local.map(issue => ({elementId: issue.id, message: issue.message, rule: issue.rule,
      category: issue.category})));
    this.editor.mark(problems.filter(problem => problem.category !== 'info'));
    this.show('<h4>检查结果</h4>' + unavailable + problemList(problems, id => this.editor.nameOf(id)));
  }

  async diff() {
    try {
      this.show('<h4>与已部署版本的差异</h4>' + diffList(await api.diff(this.open.kind, this.editor.key() || this.open.key,
        await this.editor.save())));
    } catch (error) {
      this.show('<h4>与已部署版本的差异</h4>' + message(error));
    }
  }

  deploy() {
    const panel = this.show('<h4>部署</h4><form class="gz-deploy"><label for="gz-deploy-reason">部署原因（必填）</label>' +
      '<textarea id="gz-deploy-reason" class="form-control" name="reason" rows="3" required></textarea>' +
      '<button type="submit" class="btn btn-primary btn-sm">确认部署</button></form><div class="gz-deploy-result"></div>');
    panel.querySelector('.gz-deploy').addEventListener('submit', async event => {
      event.preventDefault();
      const reason = event.target.reason.value.trim();
      const result = panel.querySelector('.gz-deploy-result');
      if (!reason) {
        result.innerHTML = '<p class="gz-error">请填写「部署原因」。</p>';
        return;
      }
      result.innerHTML = '<p class="text-muted">正在部署…</p>';
      try {
        const deployed = await api.deploy(this.open.kind, await this.editor.save(), reason);
        this.deployed(deployed, result);
      } catch (error) {
        this.refused(error, result);
      }
    });
  }

  deployed(deployed, result) {
    this.open = Object.assign({}, this.open, {key: deployed.key, version: deployed.version, latestVersion: deployed.version});
    this.toolbar();
    // a form travels with its processes: each of them got a new version
    const processes = deployed.kind === 'form' && deployed.deployments ? '<p>已随表单重新部署的流程：' +
      deployed.deployments.map(part => esc(part.key) + ' 第 ' + esc(part.version) + ' 版').join('，') +
      '（运行中的案件可在各流程的「迁移运行中的案件」中迁移）</p>' : '';
    result.innerHTML = '<p class="gz-ok">已部署为第 ' + esc(deployed.version) + ' 版。</p>' + processes +
      (deployed.diff ? diffList(deployed.diff) : '') +
      (deployed.kind === 'bpmn' ? '<button type="button" class="btn btn-default btn-sm gz-to-migration">迁移运行中的案件</button>' : '');
    const toMigration = result.querySelector('.gz-to-migration');
    if (toMigration) {
      toMigration.addEventListener('click', () => this.migration());
    }
    this.loadList();
  }

  refused(error, result) {
    if (error.problems) {
      this.editor.mark(error.problems);
      result.innerHTML = '<p class="gz-error">部署被拒绝：</p>' + problemList(error.problems, id => this.editor.nameOf(id));
    } else {
      result.innerHTML = message(error);
    }
  }

  rollback() {
    const version = this.open.version;
    const panel = this.show('<h4>回滚到第 ' + esc(version) + ' 版</h4><p>将第 ' + esc(version) +
      ' 版重新部署为最新版本。</p><form class="gz-rollback"><label for="gz-rollback-reason">回滚原因（必填）</label>' +
      '<textarea id="gz-rollback-reason" class="form-control" name="reason" rows="2" required></textarea>' +
      '<button type="submit" class="btn btn-warning btn-sm">确认回滚</button></form><div class="gz-deploy-result"></div>');
    panel.querySelector('.gz-rollback').addEventListener('submit', async event => {
      event.preventDefault();
      const result = panel.querySelector('.gz-deploy-result');
      try {
        this.deployed(await api.rollback(this.open.kind, this.open.key, version, event.target.reason.value.trim()), result);
      } catch (error) {
        this.refused(error, result);
      }
    });
  }

  async migration() {
    const key = this.open.key;
    let overview;
    try {
      overview = await api.migration(key);
    } catch (error) {
      this.show('<h4>迁移运行中的案件</h4>' + message(error));
      return;
    }
    const panel = this.show('<h4>迁移运行中的案件</h4>' + migrationSources(overview));
    panel.querySelectorAll('.gz-migration-source').forEach(source => {
      const sourceVersion = Number(source.dataset.version);
      const out = source.querySelector('.gz-preview-result');
      const run = source.querySelector('.gz-migrate');
      source.querySelector('.gz-preview').addEventListener('click', async () => {
        try {
          const preview = await api.preview(key, sourceVersion);
          out.innerHTML = previewResult(preview);
          run.disabled = !preview.movable;
        } catch (error) {
          out.innerHTML = message(error);
        }
      });
      run.addEventListener('click', async () => {
        run.disabled = true;
        try {
          const started = await api.migrate(key, sourceVersion);
          out.innerHTML = '<p class="text-muted">已开始迁移 ' + esc(started.instances) + ' 个案件…</p>';
          this.poll(started.batchId, out);
        } catch (error) {
          out.innerHTML = message(error);
        }
      });
    });
  }

  async poll(batchId, out) {
    try {
      const batch = await api.batch(batchId);
      out.innerHTML = batchResult(batch);
      if (!batch.finished && this.node.isConnected) {
        setTimeout(() => this.poll(batchId, out), POLL_MS);
      }
    } catch (error) {
      out.innerHTML = message(error);
    }
  }

  evaluate() {
    const panel = this.show('<h4>试算（使用未保存的内容）</h4>' + evaluateForm(this.editor.inputs()));
    const form = panel.querySelector('.gz-evaluate');
    if (!form) {
      return;
    }
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const variables = {};
      form.querySelectorAll('input').forEach(input => {
        variables[input.name] = typed(input.value.trim(), input.dataset.type);
      });
      const out = panel.querySelector('.gz-evaluate-result');
      try {
        out.innerHTML = evaluateResult(await api.evaluate(this.editor.key() || this.open.key, await this.editor.save(),
          variables));
      } catch (error) {
        out.innerHTML = message(error);
      }
    });
  }

  destroy() {
    if (this.editor) {
      this.editor.destroy();
    }
    unloadStyles();
  }
}

let page = null;

/** The page, a Cockpit route of its own. */
export const modelerRoute = {
  id: 'gongzu-modeler',
  pluginPoint: 'cockpit.route',
  priority: 0,
  properties: {path: ROUTE},
  render(node) {
    document.querySelector('head title').textContent = '公租 流程设计';
    page = new Page(node);
  },
  unmount() {
    if (page) {
      page.destroy();
      page = null;
    }
  }
};

/** The header's 「流程设计」, shown to whoever may deploy or read the audit (gz-may-model-audit, modeler.css). */
export const modelerNavigation = {
  id: 'gongzu-modeler-navigation',
  pluginPoint: 'cockpit.navigation',
  priority: 5,
  properties: {label: '流程设计'},
  checkActive: path => path.indexOf('#' + ROUTE) > -1,
  render(node) {
    node.innerHTML = '<a class="gz-nav-modeler" href="#' + ROUTE + '">流程设计</a>';
  }
};
