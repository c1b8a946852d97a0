package com.kt.eventmarketing.shared.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}) instead of sending and hashing its body on every call, which
 * matters on the per-entry path; the first call after Redis restarted or flushed its script cache gets NOSCRIPT
 * and sends the body once ({@code EVAL} caches it again).
 */
public final class LuaScript {
    private final String body;
    private final String sha1;

    public LuaScript(String body) {
        this.body = body;
        this.sha1 = sha1Hex(body);
    }

    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha1, keys, args);
        } catch (JedisNoScriptException notCached) {
            return redis.eval(body, keys, args);
        }
    }

    /** The id Redis gives this script (SHA-1 of the body, lower-case hex). */
    public String sha1() {
        return sha1;
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }
}
