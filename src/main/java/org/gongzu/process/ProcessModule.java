package org.gongzu.process;

import java.util.Map;
import java.util.Set;

import org.gongzu.casefile.DocumentKind;
import org.gongzu.identity.Department;

/**
 * What a process module tells the shared code about its process. Spring collects every module;
 * shared code (engine, routing, deployment, validation) takes that list and never names a process.
 */
public interface ProcessModule {

    /** The BPMN process id: the id of the process element and the name of its file in processes/. */
    String processKey();

    /**
     * The departments whose staff may start the process (each for its own place), e.g. the property
     * owner. None for a process only the system starts (from an event of its case).
     */
    default Set<Department> starters() {
        return Set.of();
    }

    /** Variables the process itself keeps: the case's ids and the flags its gateways read. */
    Set<String> processVariables();

    /**
     * The fields each form step may submit, by element id (the start event or a user task).
     * Anything else sent with a submission is refused, naming it.
     */
    Map<String, Set<String>> formFields();

    /**
     * The documents a step needs on its case before it may be completed, by element id (e.g. the
     * lease contract when the owner confirms the move-in).
     */
    default Map<String, Set<DocumentKind>> requiredDocuments() {
        return Map.of();
    }

    /** Submitted fields that carry personal data: they never reach the engine's history tables. */
    default Set<String> personalDataFields() {
        return Set.of();
    }
}
