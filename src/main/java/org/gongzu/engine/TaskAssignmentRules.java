package org.gongzu.engine;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.gongzu.casefile.CaseJournal;
import org.gongzu.tasklist.TaskQueue;
import org.springframework.stereotype.Component;

/**
 * Who may give a task to whom, enforced inside the engine so that Tasklist, both REST APIs and the
 * Java API obey it alike (docs/adr/0010):
 * <ul>
 * <li>a user claims a task only for themselves;</li>
 * <li>handing a task to someone else (assign, 转办, delegate, owner) needs TASK_ASSIGN, which the
 * task's candidate departments hold ({@link TaskVisibility}), and the receiver must belong to one of the task's candidate
 * groups; staff may hand over only tasks that are unassigned or their own;</li>
 * <li>which departments a task belongs to is the routing's decision: users (administrators aside)
 * cannot add or remove candidates.</li>
 * </ul>
 * Every hand-over is written to the case journal. The engine itself (no authenticated user, or
 * authorization checks switched off as routing does) is not restricted.
 */
@Component
class TaskAssignmentRules extends DefaultAuthorizationProvider {

    static final String JOURNAL_STEP = "HANDOVER";
    /**
     * What a task's links allow (read, work, and for its departments 转办) is decided from the links
     * themselves by {@link TaskVisibility}; no authorization row is written per task (ADR 0013).
     */
    private static final AuthorizationEntity[] NO_ROWS = new AuthorizationEntity[0];

    private final CaseJournal journal;

    TaskAssignmentRules(CaseJournal journal) {
        this.journal = journal;
    }

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        // an assignee written in the model is set while the task is created: the model decides that
        String caller = isBeingCreated(task) ? null : actingUser();
        if (caller != null) {
            if (newAssignee != null && !newAssignee.equals(caller)) {
                if (currentCommandIsClaim()) {
                    throw new ActionRefusedException("只能由本人认领任务，不能替他人认领");
                }
                requireReceiverAmongCandidates(task, newAssignee);
            }
            boolean takesFromSomeoneElse = oldAssignee != null && !oldAssignee.equals(caller);
            if (takesFromSomeoneElse && !isAdmin() && !isResolvingOwnDelegation(task, oldAssignee, newAssignee)) {
                throw new ActionRefusedException("该任务已由其他人员办理，只有办理人本人可以转交");
            }
        }
        recordHandOver(task, caller, oldAssignee, newAssignee);
        return NO_ROWS;
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        if (actingUser() != null && newOwner != null && !newOwner.equals(actingUser())) {
            requireReceiverAmongCandidates(task, newOwner);
        }
        return NO_ROWS;
    }

    @Override
    public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
        refuseCandidateChange();
        return NO_ROWS;
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        refuseCandidateChange();
        TaskQueue.linked(task, groupId);
        return NO_ROWS;
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        // a completed or deleted task drops its links: that is the engine, not a user's change
        if (!((TaskEntity) task).isDeleted()) {
            refuseCandidateChange();
        }
        return NO_ROWS;
    }

    @Override
    public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
        // a completed or deleted task drops its links: that is the engine, not a user's change
        if (!((TaskEntity) task).isDeleted()) {
            refuseCandidateChange();
        }
        TaskQueue.unlinked(task, groupId);
        return NO_ROWS;
    }

    private static boolean isBeingCreated(Task task) {
        return "Init".equals(task.getTaskState());
    }

    /** The user on whose behalf the engine acts, or null when the engine acts for itself. */
    private static String actingUser() {
        CommandContext context = Context.getCommandContext();
        Authentication authentication = context == null ? null : context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null || !context.isAuthorizationCheckEnabled()) {
            return null;
        }
        return authentication.getUserId();
    }

    private static boolean isAdmin() {
        return StepInput.actingAsAdministrator();
    }

    private static boolean currentCommandIsClaim() {
        var invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ClaimTaskCmd;
    }

    /** A delegate who resolves the task gives it back to its owner, who handed it over. */
    private static boolean isResolvingOwnDelegation(Task task, String oldAssignee, String newAssignee) {
        return Objects.equals(newAssignee, task.getOwner()) && oldAssignee.equals(actingUser());
    }

    private static void refuseCandidateChange() {
        if (actingUser() != null && !isAdmin()) {
            throw new ActionRefusedException("任务的办理部门由流程规则确定，不能手工更改");
        }
    }

    private static void requireReceiverAmongCandidates(Task task, String receiver) {
        CommandContext context = Context.getCommandContext();
        Set<IdentityLink> candidates = ((TaskEntity) task).getCandidates();
        boolean candidateUser = candidates.stream().anyMatch(link -> receiver.equals(link.getUserId()));
        Set<String> candidateGroups = candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Group> receiverGroups = context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider()
                .createGroupQuery().groupMember(receiver).list());
        boolean inCandidateGroup = receiverGroups.stream().map(Group::getId).anyMatch(candidateGroups::contains);
        if (!candidateUser && !inCandidateGroup) {
            throw new ActionRefusedException("只能转交给负责本任务的部门的工作人员");
        }
    }

    private void recordHandOver(Task task, String caller, String oldAssignee, String newAssignee) {
        if (oldAssignee == null && newAssignee != null && newAssignee.equals(StepInput.currentUserId())) {
            // the user takes the task themselves (a claim, or completing it unclaimed): no hand-over
            return;
        }
        boolean handOver = (newAssignee != null && !newAssignee.equals(caller))
                || (oldAssignee != null && !oldAssignee.equals(caller) && !Objects.equals(oldAssignee, newAssignee));
        ExecutionEntity instance = ((TaskEntity) task).getProcessInstance();
        String caseId = instance == null ? null : instance.getBusinessKey();
        if (handOver && caseId != null && task.getId() != null) {
            journal.record(caseId, JOURNAL_STEP, caller, String.format("「%s」由%s转交%s", task.getName(),
                    oldAssignee == null ? "待认领" : oldAssignee, newAssignee == null ? "待认领" : newAssignee));
        }
    }
}
