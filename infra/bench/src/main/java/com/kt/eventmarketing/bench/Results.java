package com.kt.eventmarketing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of a run: each measured figure with the baseline taken in the same run, their ratio, the target and
 * whether it was met; printed as a table and written as JSON.
 */
public final class Results {
    /** {@code ok}: true met, false missed, null no target or not measured. */
    public record Row(String name, String value, String baseline, Double ratio, String target, Boolean ok, String note) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    public Results(String title) {
        this.title = title;
    }

    public synchronized Row add(String name, String value, String baseline, Double ratio, String target, Boolean ok, String note) {
        Row row = new Row(name, value, baseline, ratio, target, ok, note);
        rows.add(row);
        System.out.println("RESULT " + name + ": " + value + (baseline == null ? "" : " (baseline " + baseline + ")")
                + (note == null ? "" : " — " + note));
        return row;
    }

    public synchronized void detail(String key, Object value) {
        details.put(key, value);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized boolean allOk() {
        return rows.stream().noneMatch(r -> Boolean.FALSE.equals(r.ok()));
    }

    public synchronized String table() {
        String[] head = {"figure", "value", "baseline (same run)", "ratio", "target", "met"};
        List<String[]> cells = new ArrayList<>();
        cells.add(head);
        for (Row r : rows) {
            cells.add(new String[]{r.name(), nz(r.value()), nz(r.baseline()),
                    r.ratio() == null ? "" : String.format("%.2f", r.ratio()), nz(r.target()),
                    r.ok() == null ? "-" : r.ok() ? "yes" : "NO"});
        }
        int[] width = new int[head.length];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder("\n== " + title + " ==\n");
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            out.append('|');
            for (int i = 0; i < row.length; i++) {
                out.append(' ').append(row[i]).append(" ".repeat(width[i] - row[i].length())).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int w : width) {
                    out.append("-".repeat(w + 2)).append('|');
                }
                out.append('\n');
            }
        }
        for (Row r : rows) {
            if (r.note() != null) {
                out.append("  * ").append(r.name()).append(": ").append(r.note()).append('\n');
            }
        }
        return out.toString();
    }

    public synchronized Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", title);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("value", r.value());
            m.put("baseline", r.baseline());
            m.put("ratio", r.ratio());
            m.put("target", r.target());
            m.put("met", r.ok());
            m.put("note", r.note());
            list.add(m);
        }
        root.put("rows", list);
        root.put("details", details);
        return root;
    }

    public Path write(Path directory, String name) {
        try {
            Files.createDirectories(directory);
            String json = Json.write(toMap());
            String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path file = directory.resolve(name + "-" + stamp + ".json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
            Files.writeString(directory.resolve(name + ".json"), json, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    public static String f0(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%,.0f", v);
    }

    public static String f1(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%,.1f", v);
    }

    public static String f2(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%,.2f", v);
    }
}
