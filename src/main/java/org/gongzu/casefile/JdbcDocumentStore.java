package org.gongzu.casefile;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Case documents in the case_document table, with the case (bytea on PostgreSQL, blob on H2). */
@Repository
class JdbcDocumentStore implements DocumentStore {

    private static final String COLUMNS = "id, case_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by,"
            + " uploaded_at";
    private static final RowMapper<CaseDocument> DOCUMENT = (rs, i) -> new CaseDocument(rs.getLong("id"),
            rs.getString("case_id"), DocumentKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
            rs.getObject("uploaded_at", LocalDateTime.class));

    private final JdbcTemplate jdbc;

    JdbcDocumentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long store(CaseDocument d, byte[] content) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into case_document (case_id, kind, file_name,"
                    + " content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
            insert.setString(1, d.caseId());
            insert.setString(2, d.kind().name());
            insert.setString(3, d.fileName());
            insert.setString(4, d.contentType());
            insert.setLong(5, d.sizeBytes());
            insert.setString(6, d.sha256());
            insert.setBytes(7, content);
            insert.setString(8, d.uploadedBy());
            insert.setTimestamp(9, Timestamp.valueOf(d.uploadedAt()));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    @Override
    public List<CaseDocument> list(String caseId) {
        return jdbc.query("select " + COLUMNS + " from case_document where case_id = ? order by id", DOCUMENT, caseId);
    }

    @Override
    public Optional<CaseDocument> find(String caseId, long id) {
        return jdbc.query("select " + COLUMNS + " from case_document where case_id = ? and id = ?", DOCUMENT, caseId, id)
                .stream().findFirst();
    }

    @Override
    public byte[] content(long id) {
        return jdbc.queryForObject("select content from case_document where id = ?", byte[].class, id);
    }

}
