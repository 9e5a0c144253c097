package org.gongzu.benchmark;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.postgresql.PGConnection;

/**
 * Rows for one table in PostgreSQL's COPY text format (tab-separated, {@code \N} for null), sent in
 * one {@code COPY … FROM STDIN}: the fastest way to load millions of rows. Timestamps are written as
 * the JVM's local time, as the engine's JDBC writes do.
 */
final class CopyText {

    private static final ZoneOffset OFFSET = ZoneId.systemDefault().getRules().getOffset(java.time.Instant.now());

    private final String table;
    private final String columns;
    private final StringBuilder text = new StringBuilder(1 << 20);
    private boolean first = true;
    private long rows;

    CopyText(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    String table() {
        return table;
    }

    CopyText str(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
        return this;
    }

    CopyText num(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyText num(Long value) {
        return value == null ? str(null) : num(value.longValue());
    }

    CopyText bool(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    /** A timestamp given as epoch milliseconds, or null. */
    CopyText time(Long millis) {
        if (millis == null) {
            return str(null);
        }
        separate();
        var t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000,
                OFFSET);
        text.append(t.getYear()).append('-');
        two(t.getMonthValue()).append('-');
        two(t.getDayOfMonth()).append(' ');
        two(t.getHour()).append(':');
        two(t.getMinute()).append(':');
        two(t.getSecond()).append('.');
        int ms = t.getNano() / 1_000_000;
        text.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms);
        return this;
    }

    CopyText end() {
        text.append('\n');
        first = true;
        rows++;
        return this;
    }

    private StringBuilder two(int n) {
        return n < 10 ? text.append('0').append(n) : text.append(n);
    }

    private void separate() {
        if (!first) {
            text.append('\t');
        }
        first = false;
    }

    /** Sends the rows so far and empties the buffer; answers how many were sent. */
    long send(Connection connection) throws SQLException {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            long sent = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
            text.setLength(0);
            return sent;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
