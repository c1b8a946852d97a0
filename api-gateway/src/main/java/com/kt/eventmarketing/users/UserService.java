package com.kt.eventmarketing.users;

import com.kt.eventmarketing.gateway.security.AuthSessions;
import com.kt.eventmarketing.gateway.security.TokenGenerations;
import com.kt.eventmarketing.gateway.security.TokenService;
import com.kt.eventmarketing.gateway.web.ApiException;
import com.kt.eventmarketing.gateway.web.FieldViolation;
import com.kt.eventmarketing.shared.crypto.FieldCipher;
import com.kt.eventmarketing.shared.crypto.KeyedHasher;
import com.kt.eventmarketing.shared.crypto.Masking;
import com.kt.eventmarketing.shared.crypto.PhoneNumbers;
import com.kt.eventmarketing.users.persistence.Store;
import com.kt.eventmarketing.users.persistence.StoreRepository;
import com.kt.eventmarketing.users.persistence.UserAccount;
import com.kt.eventmarketing.users.persistence.UserAccountRepository;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Locale;

@Service
public class UserService {
    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserAccountRepository users;
    private final StoreRepository stores;
    private final PasswordEncoder passwords;
    private final FieldCipher cipher;
    private final KeyedHasher hasher;
    private final AuthSessions sessions;
    private final TokenGenerations generations;
    private final MeterRegistry meters;
    /** Compared against when the email is unknown, so that both failures cost one BCrypt check. */
    private final String dummyHash;

    public UserService(UserAccountRepository users, StoreRepository stores, PasswordEncoder passwords,
                       FieldCipher cipher, KeyedHasher hasher, AuthSessions sessions, TokenGenerations generations,
                       MeterRegistry meters) {
        this.users = users;
        this.stores = stores;
        this.passwords = passwords;
        this.cipher = cipher;
        this.hasher = hasher;
        this.sessions = sessions;
        this.generations = generations;
        this.meters = meters;
        this.dummyHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    @Transactional
    public TokenService.IssuedTokens register(RegisterRequest request) {
        String email = normaliseEmail(request.email());
        String phone = PhoneNumbers.normaliseMobile(request.phone()).orElseThrow();
        String phoneHash = hasher.hash(phone);
        if (users.existsByEmail(email)) {
            throw ApiException.conflict("이미 가입된 이메일입니다", new FieldViolation("email", "unique", "is already registered"));
        }
        if (users.existsByPhoneHash(phoneHash)) {
            throw ApiException.conflict("이미 가입된 휴대폰 번호입니다", new FieldViolation("phone", "unique", "is already registered"));
        }
        UserAccount user = users.saveAndFlush(new UserAccount(request.name().trim(), email, cipher.encrypt(phone), phoneHash,
                passwords.encode(request.password())));
        var store = request.store();
        stores.save(new Store(user.getId(), store.name().trim(), store.businessType(), store.address().trim(),
                blankToNull(store.businessHours()), cipher.encrypt(BusinessNumbers.digitsOf(store.businessNumber()))));
        meters.counter("kt.users.registered").increment();
        log.info("owner registered: userId={}", user.getId());
        return sessions.open(user.getId(), user.getTokenGeneration());
    }

    @Transactional
    public TokenService.IssuedTokens login(LoginRequest request) {
        var user = users.findByEmail(normaliseEmail(request.email()));
        boolean matches = passwords.matches(request.password(), user.map(UserAccount::getPasswordHash).orElse(dummyHash));
        if (user.isEmpty() || !matches) {
            meters.counter("kt.users.login.failed").increment();
            throw ApiException.unauthorized("이메일 또는 비밀번호가 올바르지 않습니다");
        }
        return sessions.open(user.get().getId(), user.get().getTokenGeneration());
    }

    @Transactional(readOnly = true)
    public ProfileResponse profile(long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        Store store = stores.findByOwnerId(userId).orElseThrow(() -> ApiException.notFound("store"));
        return new ProfileResponse(user.getId(), user.getName(), user.getEmail(), cipher.decrypt(user.getPhoneEncrypted()),
                new ProfileResponse.StoreView(store.getId(), store.getName(), store.getBusinessType(), store.getAddress(),
                        store.getBusinessHours(), Masking.businessNumber(cipher.decrypt(store.getBusinessNumberEncrypted()))));
    }

    @Transactional
    public ProfileResponse update(long userId, UpdateProfileRequest request) {
        UserAccount user = users.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (request.name() != null) {
            user.rename(request.name().trim());
        }
        if (request.phone() != null) {
            String phone = PhoneNumbers.normaliseMobile(request.phone()).orElseThrow();
            String phoneHash = hasher.hash(phone);
            if (!phoneHash.equals(user.getPhoneHash()) && users.existsByPhoneHash(phoneHash)) {
                throw ApiException.conflict("이미 가입된 휴대폰 번호입니다", new FieldViolation("phone", "unique", "is already registered"));
            }
            user.changePhone(cipher.encrypt(phone), phoneHash);
        }
        if (request.store() != null) {
            Store store = stores.findByOwnerId(userId).orElseThrow(() -> ApiException.notFound("store"));
            var s = request.store();
            store.update(s.name() != null ? s.name().trim() : store.getName(),
                    s.businessType() != null ? s.businessType() : store.getBusinessType(),
                    s.address() != null ? s.address().trim() : store.getAddress(),
                    s.businessHours() != null ? blankToNull(s.businessHours()) : store.getBusinessHours());
        }
        users.flush();
        return profile(userId);
    }

    /**
     * Also bumps the owner's token generation, so every token issued before stops working (this request's too: the
     * client signs in again with the new password). Returns the new generation for {@link TokenGenerations#publish}
     * once this transaction has committed.
     */
    @Transactional
    public int changePassword(long userId, ChangePasswordRequest request) {
        UserAccount user = users.findById(userId).orElseThrow(() -> ApiException.notFound("user"));
        if (!passwords.matches(request.currentPassword(), user.getPasswordHash())) {
            throw ApiException.badField("currentPassword", "matches", "does not match the current password");
        }
        if (request.currentPassword().equals(request.newPassword())) {
            throw ApiException.badField("newPassword", "different", "must differ from the current password");
        }
        user.changePasswordHash(passwords.encode(request.newPassword()));
        users.flush();
        int generation = generations.bump(userId);
        log.info("password changed: userId={}, earlier tokens revoked (generation {})", userId, generation);
        return generation;
    }

    private static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
