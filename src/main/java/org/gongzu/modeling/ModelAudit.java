package org.gongzu.modeling;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deployment audit (docs/adr/0024): a row per model version a deployment creates, written by the
 * engine's deploy command (a post-deployer), so that deployments from the model API, the engine REST
 * API (the desktop Modeler) and start-up are all recorded, in the deployment's own transaction.
 */
@Component
class ModelAudit implements Deployer {

    static final String WITHOUT_REASON = "通过引擎接口部署，未填写原因";
    static final String AT_START_UP = "系统启动时部署代码库中的模型";
    private static final String STARTUP_SOURCE = "gongzu-startup";

    /** One audited model version. */
    record Entry(String deploymentId, String kind, String key, int version, String user, Timestamp at, String reason,
            String diff) {
    }

    private final JdbcTemplate jdbc;

    ModelAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // re-read into the cache, not deployed
        }
        DeployIntent intent = DeployIntent.current();
        String reason = intent != null ? intent.reason()
                : STARTUP_SOURCE.equals(deployment.getSource()) ? AT_START_UP : WITHOUT_REASON;
        String user = Context.getCommandContext().getAuthenticatedUserId();
        Timestamp at = new Timestamp(ClockUtil.getCurrentTime().getTime());
        List<Object[]> rows = new ArrayList<>();
        for (ProcessDefinition p : nonNull(deployment.getDeployedProcessDefinitions())) {
            rows.add(row(deployment, ModelKind.BPMN, p.getKey(), p.getVersion(), user, at, reason, intent));
        }
        for (DecisionDefinition d : nonNull(deployment.getDeployedDecisionDefinitions())) {
            rows.add(row(deployment, ModelKind.DMN, d.getKey(), d.getVersion(), user, at, reason, intent));
        }
        if (rows.isEmpty()) {
            // forms travel with their process; a deployment of forms alone is recorded per form
            for (CamundaFormDefinitionEntity f : nonNull(deployment.getDeployedArtifacts(CamundaFormDefinitionEntity.class))) {
                rows.add(row(deployment, ModelKind.FORM, f.getKey(), f.getVersion(), user, at, reason, intent));
            }
        }
        jdbc.batchUpdate("insert into model_audit (deployment_id, kind, model_key, version, user_id, deployed_at, reason,"
                + " diff) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    private static Object[] row(DeploymentEntity deployment, ModelKind kind, String key, int version, String user,
            Timestamp at, String reason, DeployIntent intent) {
        String diff = intent == null ? null : intent.diffs().get(key);
        return new Object[] {deployment.getId(), kind.code, key, version, user, at, reason, diff};
    }

    /** The audit, newest first; of one model key when {@code key} is given. */
    List<Entry> list(String key, int max) {
        String sql = "select deployment_id, kind, model_key, version, user_id, deployed_at, reason, diff from model_audit"
                + (key == null ? "" : " where model_key = ?") + " order by deployed_at desc, model_key limit " + max;
        Object[] args = key == null ? new Object[0] : new Object[] {key};
        return jdbc.query(sql, (rs, i) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getTimestamp(6), rs.getString(7), rs.getString(8)), args);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
