/*
 * One editor of the 「流程设计」 page, the same few operations for every kind of model, over the
 * vendor bundle (docs/adr/0023), which is imported the first time an editor opens.
 */

const VENDOR = new URL('./vendor/', import.meta.url);
let vendor = null;

/** The bundle and its styles, loaded once; the styles leave with the page (see unloadStyles). */
function loadVendor() {
  if (!document.getElementById('gz-editors-css')) {
    const link = document.createElement('link');
    link.id = 'gz-editors-css';
    link.rel = 'stylesheet';
    link.href = new URL('editors.css', VENDOR).href;
    document.head.appendChild(link);
  }
  vendor = vendor || import(new URL('editors.js', VENDOR).href);
  return vendor;
}

/** Cockpit's own diagrams keep their looks on the other pages. */
export function unloadStyles() {
  const link = document.getElementById('gz-editors-css');
  if (link) {
    link.remove();
  }
}

function keyOfBpmn(modeler) {
  const process = modeler.getDefinitions().rootElements.find(element => element.$type === 'bpmn:Process');
  return process && process.id;
}

function keyOfDmn(modeler) {
  const decision = modeler.getDefinitions().drgElement.find(element => element.$type === 'dmn:Decision');
  return decision && decision.id;
}

/** The inputs of a DMN's first decision table: [{expression, label, typeRef}]. */
function dmnInputs(modeler) {
  const decision = modeler.getDefinitions().drgElement.find(element => element.decisionLogic &&
    element.decisionLogic.$type === 'dmn:DecisionTable');
  return decision ? decision.decisionLogic.input.map(input => ({
    expression: input.inputExpression && input.inputExpression.text,
    label: input.label || (input.inputExpression && input.inputExpression.text),
    typeRef: input.inputExpression && input.inputExpression.typeRef
  })).filter(input => input.expression) : [];
}

async function bpmnEditor(lib, canvas, properties, content) {
  const modeler = lib.createBpmnModeler(canvas, properties);
  await modeler.importXML(content);
  modeler.get('canvas').zoom('fit-viewport');
  const marked = [];
  return {
    modeler,
    key: () => keyOfBpmn(modeler),
    save: async () => (await modeler.saveXML({format: true})).xml,
    lint: () => lib.lintBpmn(modeler),
    nameOf: id => {
      const element = modeler.get('elementRegistry').get(id);
      return element && element.businessObject.name;
    },
    mark(problems) {
      this.unmark();
      const registry = modeler.get('elementRegistry');
      problems.filter(problem => problem.elementId && registry.get(problem.elementId)).forEach(problem => {
        modeler.get('canvas').addMarker(problem.elementId, 'gz-model-problem');
        marked.push(problem.elementId);
      });
    },
    unmark() {
      marked.splice(0).forEach(id => modeler.get('canvas').removeMarker(id, 'gz-model-problem'));
    },
    destroy: () => modeler.destroy()
  };
}

async function dmnEditor(lib, canvas, properties, content) {
  const modeler = lib.createDmnModeler(canvas, properties);
  await modeler.importXML(content);
  // a decision table is what managers change; the DRD stays one click away
  const table = modeler.getViews().find(view => view.type === 'decisionTable');
  if (table) {
    await modeler.open(table);
  }
  return {
    modeler,
    key: () => keyOfDmn(modeler),
    save: async () => (await modeler.saveXML({format: true})).xml,
    lint: async () => [],
    nameOf: () => null,
    inputs: () => dmnInputs(modeler),
    mark() {},
    unmark() {},
    destroy: () => modeler.destroy()
  };
}

async function formEditor(lib, canvas, properties, content) {
  const editor = lib.createFormEditor(canvas);
  await editor.importSchema(JSON.parse(content));
  return {
    modeler: editor,
    key: () => editor.saveSchema().id,
    save: async () => JSON.stringify(editor.saveSchema(), null, 2),
    lint: async () => [],
    nameOf: () => null,
    mark() {},
    unmark() {},
    destroy: () => editor.destroy()
  };
}

const EDITORS = {bpmn: bpmnEditor, dmn: dmnEditor, form: formEditor};

/** Opens the editor for a kind of model in `canvas` (the properties panel, if any, in `properties`). */
export async function openEditor(kind, canvas, properties, content) {
  const lib = await loadVendor();
  return EDITORS[kind](lib, canvas, properties, content);
}
