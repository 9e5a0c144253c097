package org.gongzu.caseview;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.gongzu.casefile.CaseDocuments;
import org.gongzu.casefile.DocumentKind;
import org.gongzu.validation.InvalidInputException;
import org.gongzu.webapp.Caller;
import org.gongzu.webapp.Callers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * A case and its documents, for any case: {@code /api/cases/…} with HTTP Basic and
 * {@code /camunda/api/gongzu/cases/…} with the webapps' session (CSRF-checked for uploads).
 */
@RestController
class CaseController {

    private static final String BASIC = "/api/cases/{caseId}";
    private static final String SESSION = "${camunda.bpm.webapp.application-path:/camunda}/api/gongzu/cases/{caseId}";
    static final String NO_DOCUMENT_RIGHT = "您所在部门不办理该案卷，无权查看或上传其材料";

    private final CaseViews views;
    private final CaseDocuments documents;
    private final Callers callers;

    CaseController(CaseViews views, CaseDocuments documents, Callers callers) {
        this.views = views;
        this.documents = documents;
        this.callers = callers;
    }

    @GetMapping({BASIC, SESSION})
    CaseViews.CaseView view(@PathVariable String caseId, HttpServletRequest request) {
        return views.view(caseId, callers.of(request));
    }

    @GetMapping({BASIC + "/documents", SESSION + "/documents"})
    List<CaseViews.DocumentView> documents(@PathVariable String caseId, HttpServletRequest request) {
        readable(caseId, callers.of(request));
        return documents.list(caseId).stream().map(CaseViews.DocumentView::of).toList();
    }

    @PostMapping(path = {BASIC + "/documents", SESSION + "/documents"}, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseViews.DocumentView> attach(@PathVariable String caseId,
            @RequestParam(name = CaseDocuments.FILE_FIELD, required = false) MultipartFile file,
            @RequestParam(name = CaseDocuments.KIND_FIELD, required = false) String kind,
            HttpServletRequest request) throws IOException {
        Caller caller = callers.of(request);
        if (!views.exists(caseId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, CaseViews.NOT_FOUND);
        }
        if (!views.mayAttach(caseId, caller)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NO_DOCUMENT_RIGHT);
        }
        if (file == null) {
            throw new InvalidInputException(CaseDocuments.FILE_FIELD, "「文件」为必填项");
        }
        var attached = documents.attach(caseId, kind(kind), file.getOriginalFilename(), file.getContentType(),
                file.getBytes(), caller.userId());
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/documents/" + attached.id()))
                .body(CaseViews.DocumentView.of(attached));
    }

    @GetMapping({BASIC + "/documents/{id}", SESSION + "/documents/{id}"})
    ResponseEntity<byte[]> open(@PathVariable String caseId, @PathVariable long id, HttpServletRequest request) {
        Caller caller = callers.of(request);
        readable(caseId, caller);
        CaseDocuments.Opened opened = documents.open(caseId, id, caller.userId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有找到该材料"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(opened.document().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(opened.document().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src 'self'; plugin-types application/pdf; sandbox")
                .body(opened.content());
    }

    /** 404 for a case that does not exist, 403 for one the caller's departments do not work on. */
    private void readable(String caseId, Caller caller) {
        if (!views.exists(caseId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, CaseViews.NOT_FOUND);
        }
        if (!views.mayReadDocuments(caseId, caller)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, NO_DOCUMENT_RIGHT);
        }
    }

    private static DocumentKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return DocumentKind.OTHER;
        }
        try {
            return DocumentKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(CaseDocuments.KIND_FIELD, "「材料类型」的取值无效");
        }
    }
}
