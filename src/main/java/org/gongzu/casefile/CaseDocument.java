package org.gongzu.casefile;

import java.time.LocalDateTime;

/** A scan attached to a case, without its content. */
public record CaseDocument(long id, String caseId, DocumentKind kind, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, LocalDateTime uploadedAt) {
}
