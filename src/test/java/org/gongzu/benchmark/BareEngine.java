package org.gongzu.benchmark;

import java.util.HashMap;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A plain Camunda engine next to the product: its own database on the same server, schema by the
 * engine, history full, authorization off, no listeners or plugins. Its model has TenantMoveIn's
 * shape on the path the benchmark takes: four user tasks, a parallel split, two gateways, one
 * service task, two ends.
 */
final class BareEngine implements AutoCloseable {

    static final String KEY = "BareMoveIn";

    final ProcessEngine engine;
    final CountingDataSource sql = new CountingDataSource();
    private final HikariDataSource pool;

    BareEngine(BenchDatabase db) {
        pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.user());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(10);
        pool.setAutoCommit(false);
        StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
        config.setProcessEngineName("bare");
        config.setDataSource(sql.wrap(pool));
        config.setDatabaseSchemaUpdate("true");
        config.setHistory("full");
        config.setAuthorizationEnabled(false);
        config.setJobExecutorActivate(false);
        config.setCmmnEnabled(false);
        engine = config.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("bare.bpmn", model()).deploy();
    }

    static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(3650)
                .startEvent("start")
                .userTask("A").camundaCandidateGroups("owner")
                .userTask("B").camundaCandidateGroups("rc")
                .exclusiveGateway("hukou")
                .condition("beijing", "${hasBeijingMembers}")
                .userTask("D").camundaCandidateGroups("police")
                .serviceTask("community").camundaExpression("${true}")
                .endEvent("registered")
                .moveToNode("hukou").condition("nonLocal", "${!hasBeijingMembers}").endEvent("nonLocalOnly")
                .done();
    }

    /** One case: start and its three tasks, with as many variables as the product's forms send. */
    void runCase(int n, java.util.function.IntConsumer tasksDone) {
        Map<String, Object> lease = new HashMap<>();
        lease.put("projectId", "P-" + n);
        lease.put("unitNo", "1-1-101");
        lease.put("leaseNo", "BL-" + n);
        lease.put("leaseSignedOn", "2026-01-10");
        lease.put("headName", "张三");
        lease.put("headIdNumber", "110108198503152347");
        String pi = engine.getRuntimeService().startProcessInstanceByKey(KEY, "HH-" + n, lease).getId();
        complete(pi, "A", Map.of("moveInDate", "2026-02-01", "keysHandedOver", true, "firstHouseholdOfProject", true));
        tasksDone.accept(1);
        complete(pi, "B", Map.of("memberCount", 1, "member1", "{\"name\":\"张三\",\"idNumber\":\"110108198503152347\","
                + "\"relation\":\"HEAD\",\"hukou\":\"BEIJING\",\"birthDate\":\"1985-03-15\",\"employment\":\"EMPLOYED\","
                + "\"minLivingAllowance\":false}", "hasBeijingMembers", true));
        tasksDone.accept(1);
        complete(pi, "D", Map.of("confirmed", true, "doneOn", "2026-02-03", "note", "已核对"));
        tasksDone.accept(1);
    }

    private void complete(String pi, String key, Map<String, Object> variables) {
        var tasks = engine.getTaskService();
        String id = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult().getId();
        tasks.complete(id, variables);
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }
}
