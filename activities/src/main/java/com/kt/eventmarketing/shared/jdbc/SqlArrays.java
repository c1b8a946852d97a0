package com.kt.eventmarketing.shared.jdbc;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that take whole columns as PostgreSQL arrays ({@code unnest(?::bigint[], ...)}): many rows for one
 * statement and one round trip, where a JDBC batch would still execute a statement per row.
 */
public final class SqlArrays {
    /** One array parameter: its PostgreSQL element type ({@code bigint}, {@code varchar}, {@code uuid}, ...). */
    public record Column(String type, Object[] values) {
    }

    private SqlArrays() {
    }

    public static Column column(String type, Object[] values) {
        return new Column(type, values);
    }

    public static <T> List<T> query(JdbcTemplate jdbc, String sql, RowMapper<T> rows, Column... columns) {
        return jdbc.execute((ConnectionCallback<List<T>>) con -> run(con, sql, columns, ps -> {
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rows.mapRow(rs, out.size()));
                }
            }
            return out;
        }));
    }

    public static int update(JdbcTemplate jdbc, String sql, Column... columns) {
        Integer count = jdbc.execute((ConnectionCallback<Integer>) con -> run(con, sql, columns, PreparedStatement::executeUpdate));
        return count == null ? 0 : count;
    }

    private interface Execution<R> {
        R apply(PreparedStatement ps) throws SQLException;
    }

    private static <R> R run(Connection con, String sql, Column[] columns, Execution<R> execution) throws SQLException {
        List<Array> arrays = new ArrayList<>(columns.length);
        try (PreparedStatement ps = con.prepareStatement(sql)) {
            for (Column column : columns) {
                Array array = con.createArrayOf(column.type(), column.values());
                arrays.add(array);
                ps.setArray(arrays.size(), array);
            }
            return execution.apply(ps);
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }
}
