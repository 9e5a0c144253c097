/*
 * The minimal start of a new model, with ids that read (ModelConventionsTest): the key is the
 * process id, decision id or form id, and the file name.
 */

export const KINDS = {
  bpmn: {label: '流程（BPMN）', extension: '.bpmn'},
  dmn: {label: '决策（DMN）', extension: '.dmn'},
  form: {label: '表单', extension: '.form'}
};

/** A key that can be an XML id and a file name: a letter, then letters, digits, - or _. */
export function validKey(key) {
  return /^[A-Za-z][A-Za-z0-9_-]*$/.test(key);
}

function xml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

export function template(kind, key, plainName) {
  const name = kind === 'form' ? plainName : xml(plainName);
  if (kind === 'bpmn') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_${key}" targetNamespace="http://gongzu.org/bpmn" exporter="Gongzu" exporterVersion="1">
  <bpmn:process id="${key}" name="${name}" isExecutable="true" camunda:historyTimeToLive="3650">
    <bpmn:startEvent id="StartEvent_Started" name="开始">
      <bpmn:outgoing>SequenceFlow_ToEnd</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="EndEvent_Done" name="结束">
      <bpmn:incoming>SequenceFlow_ToEnd</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="StartEvent_Started" targetRef="EndEvent_Done" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_${key}">
    <bpmndi:BPMNPlane id="BPMNPlane_${key}" bpmnElement="${key}">
      <bpmndi:BPMNShape id="StartEvent_Started_di" bpmnElement="StartEvent_Started">
        <dc:Bounds x="152" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_Done_di" bpmnElement="EndEvent_Done">
        <dc:Bounds x="452" y="102" width="36" height="36" />
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="SequenceFlow_ToEnd_di" bpmnElement="SequenceFlow_ToEnd">
        <di:waypoint x="188" y="120" />
        <di:waypoint x="452" y="120" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  }
  if (kind === 'dmn') {
    return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="Definitions_${key}" name="${name}" namespace="http://gongzu.org/dmn" exporter="Gongzu" exporterVersion="1">
  <decision id="${key}" name="${name}" camunda:historyTimeToLive="3650">
    <decisionTable id="DecisionTable_${key}" hitPolicy="UNIQUE">
      <input id="Input_Value" label="输入">
        <inputExpression id="InputExpression_Value" typeRef="string"><text>value</text></inputExpression>
      </input>
      <output id="Output_Result" label="结果" name="result" typeRef="string" />
      <rule id="Rule_Default">
        <inputEntry id="InputEntry_Default_Value"><text></text></inputEntry>
        <outputEntry id="OutputEntry_Default_Result"><text>""</text></outputEntry>
      </rule>
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_${key}">
      <dmndi:DMNShape id="DMNShape_${key}" dmnElementRef="${key}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
  }
  return JSON.stringify({
    components: [{type: 'text', text: '### ' + name, id: 'Field_Title'}],
    type: 'default',
    id: key,
    executionPlatform: 'Camunda Platform',
    executionPlatformVersion: '7.24.0',
    exporter: {name: 'Gongzu', version: '1'},
    schemaVersion: 16
  }, null, 2);
}
