package com.kt.eventmarketing.users;

import com.kt.eventmarketing.gateway.ApiClient;
import com.kt.eventmarketing.gateway.GatewayTest;
import com.kt.eventmarketing.gateway.Owners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.JedisPooled;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayTest
class UserAccountsTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JedisPooled redis;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    static Stream<Arguments> badFields() {
        return Stream.of(
                Arguments.of("name", "김", "name"),
                Arguments.of("name", "김사장1", "name"),
                Arguments.of("name", null, "name"),
                Arguments.of("phone", "02-123-4567", "phone"),
                Arguments.of("phone", "010-12-34", "phone"),
                Arguments.of("email", "not-an-email", "email"),
                Arguments.of("email", "", "email"),
                Arguments.of("password", "short1!", "password"),
                Arguments.of("password", "nodigits!!", "password"),
                Arguments.of("password", "noSpecial123", "password"),
                Arguments.of("password", "12345678!", "password"),
                Arguments.of("store.name", "", "store.name"),
                Arguments.of("store.businessType", "우주정거장", "store.businessType"),
                Arguments.of("store.address", "서울", "store.address"),
                Arguments.of("store.businessNumber", "220-81-62518", "store.businessNumber"),
                Arguments.of("store.businessNumber", "12345", "store.businessNumber"),
                Arguments.of("store", null, "store"));
    }

    @ParameterizedTest(name = "{0}={1} → 400 naming {2}")
    @MethodSource("badFields")
    @SuppressWarnings("unchecked")
    void eachBadFieldAloneIsA400NamingIt(String field, Object value, String expectedField) {
        Map<String, Object> body = Owners.registration();
        if (field.startsWith("store.")) {
            ((Map<String, Object>) body.get("store")).put(field.substring(6), value);
        } else {
            body.put(field, value);
        }
        var response = api.post("/api/v1/users/register", null, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        var errors = response.json().get("errors");
        assertThat(errors).isNotNull();
        assertThat(errors.size()).as(response.body()).isGreaterThanOrEqualTo(1);
        errors.forEach(error -> assertThat(error.get("field").asString()).as(response.body()).isEqualTo(expectedField));
        assertThat(errors.get(0).get("rule").asString()).isNotBlank();
        assertThat(errors.get(0).get("message").asString()).isNotBlank();
    }

    @Test
    void malformedJsonIsA400NotA500() {
        var response = api.post("/api/v1/users/register", null, "{\"name\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
    }

    @Test
    void registrationStoresSecretsEncryptedAndRejectsDuplicates() {
        Map<String, Object> body = Owners.registration();
        var created = api.post("/api/v1/users/register", null, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("accessToken").asString()).isNotBlank();
        assertThat(created.json().get("refreshToken").asString()).isNotBlank();
        assertThat(created.json().get("expiresIn").asLong()).isEqualTo(3600);

        String email = (String) body.get("email");
        Map<String, Object> row = jdbc.queryForMap("select u.phone_encrypted, s.business_number_encrypted from users u"
                + " join stores s on s.owner_id = u.id where u.email = ?", email);
        String phoneDigits = ((String) body.get("phone")).replace("-", "");
        assertThat((String) row.get("phone_encrypted")).doesNotContain(phoneDigits).doesNotContain(phoneDigits.substring(3));
        assertThat((String) row.get("business_number_encrypted")).doesNotContain("2208162517");

        Map<String, Object> sameEmail = Owners.registration();
        sameEmail.put("email", email.toUpperCase());
        var dupEmail = api.post("/api/v1/users/register", null, sameEmail);
        assertThat(dupEmail.status()).isEqualTo(409);
        assertThat(dupEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");

        Map<String, Object> samePhone = Owners.registration();
        samePhone.put("phone", "+82 " + ((String) body.get("phone")).substring(1));
        var dupPhone = api.post("/api/v1/users/register", null, samePhone);
        assertThat(dupPhone.status()).isEqualTo(409);
        assertThat(dupPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("phone");
    }

    @Test
    void loginLogoutAndRevokedTokens() {
        Map<String, Object> body = Owners.registration();
        assertThat(api.post("/api/v1/users/register", null, body).status()).isEqualTo(201);
        var login = api.post("/api/v1/users/login", null, Map.of("email", body.get("email"), "password", body.get("password")));
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().get("accessToken").asString();

        var wrongPassword = api.post("/api/v1/users/login", null, Map.of("email", body.get("email"), "password", "wrong#1234"));
        var unknownEmail = api.post("/api/v1/users/login", null, Map.of("email", "nobody@example.com", "password", "wrong#1234"));
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownEmail.json().get("detail"));

        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", "not.a.jwt").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/me", login.json().get("refreshToken").asString()).status())
                .as("a refresh token is not an access token").isEqualTo(401);

        assertThat(api.post("/api/v1/users/logout", token, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/users/logout", token, null).status()).as("logout is idempotent").isEqualTo(204);

        // Redis is only the fast path: a flush does not bring the revoked session back.
        redis.flushAll();
        assertThat(api.get("/api/v1/users/me", token).status()).isEqualTo(401);
        String fresh = api.post("/api/v1/users/login", null, Map.of("email", body.get("email"), "password", body.get("password")))
                .json().get("accessToken").asString();
        assertThat(api.get("/api/v1/users/me", fresh).status()).isEqualTo(200);
    }

    @Test
    void profileAndPasswordChange() {
        Map<String, Object> body = Owners.registration();
        String token = api.post("/api/v1/users/register", null, body).json().get("accessToken").asString();

        var me = api.get("/api/v1/users/me", token).json();
        assertThat(me.get("email").asString()).isEqualTo(body.get("email"));
        assertThat(me.get("phone").asString()).isEqualTo(((String) body.get("phone")).replace("-", ""));
        assertThat(me.get("store").get("businessNumber").asString()).isEqualTo("220-81-*****");

        var updated = api.put("/api/v1/users/me", token, Map.of("name", "박사장",
                "store", Map.of("name", "바삭 치킨", "businessHours", "12:00-24:00")));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("name").asString()).isEqualTo("박사장");
        assertThat(updated.json().get("store").get("name").asString()).isEqualTo("바삭 치킨");
        assertThat(updated.json().get("store").get("address").asString()).isEqualTo(((Map<?, ?>) body.get("store")).get("address"));
        assertThat(api.put("/api/v1/users/me", token, Map.of("phone", "12")).status()).isEqualTo(400);

        var wrongCurrent = api.put("/api/v1/users/me/password", token, Map.of("currentPassword", "nope#1234", "newPassword", "better#2027"));
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        var weak = api.put("/api/v1/users/me/password", token, Map.of("currentPassword", body.get("password"), "newPassword", "weak"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("newPassword");

        assertThat(api.put("/api/v1/users/me/password", token, Map.of("currentPassword", body.get("password"),
                "newPassword", "better#2027")).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/users/login", null, Map.of("email", body.get("email"), "password", body.get("password"))).status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/users/login", null, Map.of("email", body.get("email"), "password", "better#2027")).status())
                .isEqualTo(200);
    }

    /** 30 characters pass the 8-64 character rule but are 84 bytes in UTF-8, more than BCrypt takes. */
    @Test
    void aPasswordOverBcrypts72BytesIsA400NamingTheRuleNotA500() {
        String longHangul = "a1!" + "가".repeat(27);
        Map<String, Object> body = Owners.registration();
        body.put("password", longHangul);
        var register = api.post("/api/v1/users/register", null, body);
        assertThat(register.status()).as(register.body()).isEqualTo(400);
        assertThat(register.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(register.json().get("errors").get(0).get("rule").asString()).isEqualTo("BcryptLength");

        String token = Owners.registerAndToken(api);
        var change = api.put("/api/v1/users/me/password", token, Map.of("currentPassword", "chicken#2026", "newPassword", longHangul));
        assertThat(change.status()).as(change.body()).isEqualTo(400);
        assertThat(change.json().get("errors").get(0).get("rule").asString()).isEqualTo("BcryptLength");
        var login = api.post("/api/v1/users/login", null, Map.of("email", "x@example.com", "password", longHangul));
        assertThat(login.status()).as(login.body()).isEqualTo(400);
    }
}
