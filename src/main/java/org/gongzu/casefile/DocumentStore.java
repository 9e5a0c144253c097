package org.gongzu.casefile;

import java.util.List;
import java.util.Optional;

/**
 * Where case documents are kept. The default keeps them with the case in the database
 * ({@link JdbcDocumentStore}); another store (an object store)
 * replaces it as a {@code @Primary} Spring bean.
 */
public interface DocumentStore {

    /** Stores the document; answers its id. */
    long store(CaseDocument document, byte[] content);

    List<CaseDocument> list(String caseId);

    Optional<CaseDocument> find(String caseId, long id);

    byte[] content(long id);
}
