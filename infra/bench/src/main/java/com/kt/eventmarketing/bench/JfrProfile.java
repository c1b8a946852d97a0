package com.kt.eventmarketing.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a JVM's CPU went during a time window, from a JFR recording ({@code settings=profile}): each execution
 * sample is charged to the innermost frame that is not plain JDK code (crypto counts as its own), grouped into
 * the parts of the gateway's intake path or of the activities pool's work, plus the hottest methods and the GC
 * pauses of the window.
 */
public final class JfrProfile {

    /** Ordered: the first prefix that matches a frame's class names its part. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("javax.crypto.", "crypto (AES-GCM, HMAC)");
        PARTS.put("com.sun.crypto.", "crypto (AES-GCM, HMAC)");
        PARTS.put("sun.security.", "crypto (AES-GCM, HMAC)");
        PARTS.put("org.postgresql.", "PostgreSQL JDBC");
        PARTS.put("com.zaxxer.hikari.", "connection pool");
        PARTS.put("redis.clients.", "Redis (Jedis)");
        PARTS.put("tools.jackson.", "JSON (Jackson)");
        PARTS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        PARTS.put("ch.qos.logback.", "logging");
        PARTS.put("org.slf4j.", "logging");
        PARTS.put("io.micrometer.", "metrics");
        PARTS.put("org.apache.kafka.", "Kafka client");
        PARTS.put("org.apache.tomcat.", "HTTP server (Tomcat)");
        PARTS.put("org.apache.coyote.", "HTTP server (Tomcat)");
        PARTS.put("org.apache.catalina.", "HTTP server (Tomcat)");
        PARTS.put("org.springframework.security.", "Spring Security filters");
        PARTS.put("org.springframework.jdbc.", "Spring JDBC / transactions");
        PARTS.put("org.springframework.transaction.", "Spring JDBC / transactions");
        // the activities pool: its own parts (Java2D frames are plain JDK, so drawing counts to the compositor)
        PARTS.put("javax.imageio.", "image decoding (ImageIO)");
        PARTS.put("io.temporal.", "Temporal SDK");
        PARTS.put("io.grpc.", "gRPC");
        PARTS.put("org.springframework.", "Spring MVC / framework");
        PARTS.put("com.kt.eventmarketing.content.render.", "poster rendering (compositor, PNG)");
        PARTS.put("com.kt.eventmarketing.", "our code");
    }

    private static final List<String> PLAIN_JDK = List.of("java.", "jdk.", "sun.", "com.sun.");

    public record Summary(long samples, Map<String, Long> parts, Map<String, Long> hotMethods, int gcPauses,
                          Duration gcPauseTotal, Duration gcPauseMax) {

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("cpuSamples", samples);
            map.put("samplesByPart", parts);
            map.put("hotMethodsSelf", hotMethods);
            map.put("gcPauses", gcPauses);
            map.put("gcPauseTotalMs", gcPauseTotal.toMillis());
            map.put("gcPauseMaxMs", gcPauseMax.toMillis());
            return map;
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%,d CPU samples; GC: %d pauses, %d ms total, max %d ms%n", samples, gcPauses,
                    gcPauseTotal.toMillis(), gcPauseMax.toMillis()));
            text.append("  share by part of the path:\n");
            parts.forEach((part, n) -> text.append(String.format("    %5.1f %%  %s%n", 100.0 * n / Math.max(1, samples), part)));
            text.append("  hottest methods (self):\n");
            hotMethods.forEach((method, n) -> text.append(String.format("    %5.1f %%  %s%n", 100.0 * n / Math.max(1, samples), method)));
            return text.toString();
        }
    }

    private JfrProfile() {
    }

    public static Summary summarize(Path recording, Instant from, Instant to) throws IOException {
        Map<String, Long> parts = new LinkedHashMap<>();
        Map<String, Long> self = new LinkedHashMap<>();
        long samples = 0;
        int pauses = 0;
        Duration pauseTotal = Duration.ZERO;
        Duration pauseMax = Duration.ZERO;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample") && event.getStackTrace() != null) {
                samples++;
                parts.merge(partOf(event.getStackTrace()), 1L, Long::sum);
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    self.merge(name(frames.get(0)), 1L, Long::sum);
                }
            } else if (type.equals("jdk.GCPhasePause")) {
                pauses++;
                pauseTotal = pauseTotal.plus(event.getDuration());
                pauseMax = pauseMax.compareTo(event.getDuration()) < 0 ? event.getDuration() : pauseMax;
            }
        }
        return new Summary(samples, top(parts, 20), top(self, 15), pauses, pauseTotal, pauseMax);
    }

    /** The innermost frame outside plain JDK code decides; a stack of JDK frames only is "JDK (other)". */
    static String partOf(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            if (!frame.isJavaFrame()) {
                continue;
            }
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> part : PARTS.entrySet()) {
                if (type.startsWith(part.getKey())) {
                    return part.getValue();
                }
            }
            if (PLAIN_JDK.stream().noneMatch(type::startsWith)) {
                return "other libraries";
            }
        }
        return "JDK (other)";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
