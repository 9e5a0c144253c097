package org.gongzu.web.errors;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How much JSON Gongzu reads from a request, on every REST surface and in Json variables: far above
 * any real form or query, far below what could exhaust memory or the stack.
 */
public final class JsonLimits {

    /** Bytes of a request body (multipart uploads aside, e.g. deployments). */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** Nested objects and arrays; a form submission needs about five. */
    public static final int MAX_NESTING_DEPTH = 64;

    private JsonLimits() {
    }

    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_BODY_BYTES)
                .maxStringLength(MAX_BODY_BYTES)
                .build();
    }

    /** The mapper, reading within the limits. */
    public static ObjectMapper limit(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(constraints());
        return mapper;
    }
}
