package org.gongzu.casefile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.gongzu.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Scans attached to a case: PDF, JPEG or PNG, the type read from the content (not the name or the
 * declared type, which must agree with it), within a size limit; every attachment and every opening
 * is written to the case journal. Who may attach and open is the caller's decision ({@link CaseAccess}).
 */
@Component
@Transactional
public class CaseDocuments {

    /** The formats accepted: their content type, file-name endings and the bytes they start with. */
    enum Format {
        PDF("application/pdf", List.of(".pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
        JPEG("image/jpeg", List.of(".jpg", ".jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        PNG("image/png", List.of(".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

        final String contentType;
        final List<String> endings;
        final byte[] magic;

        Format(String contentType, List<String> endings, byte[] magic) {
            this.contentType = contentType;
            this.endings = endings;
            this.magic = magic;
        }

        static Optional<Format> of(byte[] content) {
            return Arrays.stream(values()).filter(f -> content.length >= f.magic.length
                    && Arrays.equals(Arrays.copyOf(content, f.magic.length), f.magic)).findFirst();
        }
    }

    public static final String FILE_FIELD = "file";
    public static final String KIND_FIELD = "kind";

    private final DocumentStore store;
    private final CaseJournal journal;
    private final Clock clock;
    private final long maxBytes;

    CaseDocuments(DocumentStore store, CaseJournal journal, Clock clock,
            @Value("${gongzu.documents.max-size:10MB}") DataSize maxSize) {
        this.store = store;
        this.journal = journal;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
    }


    /**
     * Attaches a scan; refused whole, naming the field, if it is empty, too large, not a PDF, JPEG or
     * PNG by its content, or named or declared as another type.
     */
    public CaseDocument attach(String caseId, DocumentKind kind, String fileName, String declaredType, byte[] content,
            String userId) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException(FILE_FIELD, "「文件」为必填项，不能为空文件");
        }
        if (content.length > maxBytes) {
            throw new InvalidInputException(FILE_FIELD, "「文件」不能超过" + DataSize.ofBytes(maxBytes).toMegabytes() + "MB");
        }
        Format format = Format.of(content).orElseThrow(() -> new InvalidInputException(FILE_FIELD,
                "「文件」只能是 PDF、JPEG 或 PNG 格式（按文件内容判断）"));
        String name = fileName == null || fileName.isBlank() ? "document" : fileName.strip();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean nameMatches = format.endings.stream().anyMatch(lower::endsWith);
        boolean typeMatches = declaredType == null || declaredType.isBlank()
                || declaredType.toLowerCase(Locale.ROOT).startsWith(format.contentType)
                || "application/octet-stream".equals(declaredType);
        if (!nameMatches || !typeMatches) {
            throw new InvalidInputException(FILE_FIELD, "「文件」的内容是 " + format.name() + "，与文件名或声明的类型不一致");
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        CaseDocument document = new CaseDocument(0, caseId, kind == null ? DocumentKind.OTHER : kind, name,
                format.contentType, content.length, sha256(content), userId, LocalDateTime.now(clock));
        long id = store.store(document, content);
        journal.record(caseId, "DOCUMENT_ATTACHED", userId, "上传" + document.kind().chineseName() + "「" + name + "」");
        return new CaseDocument(id, caseId, document.kind(), name, document.contentType(), document.sizeBytes(),
                document.sha256(), userId, document.uploadedAt());
    }

    public List<CaseDocument> list(String caseId) {
        return store.list(caseId);
    }

    public boolean has(String caseId, DocumentKind kind) {
        return store.list(caseId).stream().anyMatch(d -> d.kind() == kind);
    }

    /** The document and its content; the opening is journaled. */
    public Optional<Opened> open(String caseId, long id, String userId) {
        return store.find(caseId, id).map(document -> {
            journal.record(caseId, "DOCUMENT_OPENED", userId, "查看" + document.kind().chineseName() + "「"
                    + document.fileName() + "」");
            return new Opened(document, store.content(id));
        });
    }

    public record Opened(CaseDocument document, byte[] content) {
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal valid-looking PDF, for demo data and tests. */
    public static byte[] samplePdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }
}
