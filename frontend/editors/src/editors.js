/*
 * The browser editors of Gongzu's Cockpit (docs/adr/0023-editor-bundles.md), bundled by ../build
 * into one ES module that the 「流程设计」 page imports when it opens.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaBpmnModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import lintModule from 'bpmn-js-bpmnlint';
import DmnModeler from 'dmn-js/lib/Modeler';
import {DmnPropertiesPanelModule, DmnPropertiesProviderModule, CamundaPropertiesProviderModule} from 'dmn-js-properties-panel';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import {FormEditor} from '@bpmn-io/form-js-editor';

// the compiled .bpmnlintrc (build.mjs packs its rules into the bundle)
import lintConfig from 'gongzu:bpmnlint-config';
import {translate, translateModule} from './translate-zh.js';
import {translateFormPalette} from './form-labels-zh.js';

export {translate};

/** A BPMN modeler with the Camunda 7 properties panel and the lint rules, in Chinese. */
export function createBpmnModeler(container, propertiesContainer) {
  return new BpmnModeler({
    container,
    propertiesPanel: propertiesContainer ? {parent: propertiesContainer} : undefined,
    linting: {bpmnlint: lintConfig, active: true},
    keyboard: {bindTo: document},
    additionalModules: [
      ...(propertiesContainer ? [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule] : []),
      CamundaBehaviorsModule,
      lintModule,
      translateModule
    ],
    moddleExtensions: {camunda: camundaBpmnModdle}
  });
}

/**
 * The lint problems of a BPMN modeler's diagram, one per element and rule:
 * [{id, rule, category: 'error'|'warn'|'info', message (Chinese where known)}].
 */
export async function lintBpmn(modeler) {
  // bpmnlint answers by rule: {rule: [{id, message, category}]}
  const results = await modeler.get('linting').lint();
  return Object.keys(results).flatMap(rule => results[rule].map(issue => ({
    id: issue.id,
    rule,
    category: issue.category,
    message: translate(issue.message)
  })));
}

/** A DMN modeler (decision tables, DRD with the Camunda properties), in Chinese where dmn-js allows. */
export function createDmnModeler(container, propertiesContainer) {
  return new DmnModeler({
    container,
    common: {additionalModules: [translateModule], keyboard: {bindTo: document}},
    drd: {
      propertiesPanel: propertiesContainer ? {parent: propertiesContainer} : undefined,
      additionalModules: propertiesContainer ? [DmnPropertiesPanelModule, DmnPropertiesProviderModule,
        CamundaPropertiesProviderModule] : []
    },
    moddleExtensions: {camunda: camundaDmnModdle}
  });
}

/** The form-js editor of the version Camunda 7.24's Tasklist renders (schemaVersion 16). */
export function createFormEditor(container) {
  const editor = new FormEditor({container});
  translateFormPalette(editor);
  return editor;
}
