/*
 * Chinese palette labels for the form-js editor, which (in the 1.8 line that Camunda 7.24's
 * Tasklist renders) has no translate service: the field types' labels are their static config,
 * the group titles a constant, so the former are set before the first editor and the latter
 * replaced in the palette's DOM.
 */
import {formFields} from '@bpmn-io/form-js-viewer';

const FIELDS = {
  'Button': '按钮',
  'Checkbox': '复选框',
  'Checkbox group': '复选框组',
  'Date time': '日期时间',
  'Group': '分组',
  'iFrame': '内嵌页面',
  'Image view': '图片',
  'Number': '数字',
  'Radio group': '单选组',
  'Select': '下拉选择',
  'Separator': '分隔线',
  'Spacer': '空白',
  'Dynamic list': '动态列表',
  'Tag list': '标签列表',
  'Text view': '文字',
  'HTML view': 'HTML',
  'Expression': '表达式',
  'Text field': '文本框',
  'Text area': '多行文本',
  'Table': '表格'
};

const GROUPS = {
  'Input': '输入',
  'Selection': '选择',
  'Presentation': '展示',
  'Containers': '容器',
  'Action': '操作',
  'Components': '组件'
};

formFields.forEach(field => {
  if (field.config && FIELDS[field.config.label]) {
    field.config.label = FIELDS[field.config.label];
  }
});

function translateTitles(root) {
  root.querySelectorAll('.fjs-palette-group-title, .fjs-palette-header').forEach(title => {
    if (GROUPS[title.textContent]) {
      title.textContent = GROUPS[title.textContent];
    }
  });
}

/** Keeps the palette's group titles Chinese while the editor lives (a search redraws them). */
export function translateFormPalette(editor) {
  const root = editor._container;
  translateTitles(root);
  new MutationObserver(() => translateTitles(root)).observe(root, {childList: true, subtree: true});
}
