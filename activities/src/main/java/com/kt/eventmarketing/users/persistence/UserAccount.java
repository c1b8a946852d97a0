package com.kt.eventmarketing.users.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A shop owner. The phone is kept encrypted, with a keyed hash for the uniqueness check. */
@Entity
@Table(name = "users")
public class UserAccount {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String email;
    @Column(name = "phone_encrypted")
    private String phoneEncrypted;
    @Column(name = "phone_hash")
    private String phoneHash;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "created_at", insertable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt = Instant.now();
    /** Read with the password hash, in one row, so a login never pairs an old password with a newer generation. */
    @Column(name = "token_generation", insertable = false, updatable = false)
    private int tokenGeneration;

    protected UserAccount() {
    }

    public UserAccount(String name, String email, String phoneEncrypted, String phoneHash, String passwordHash) {
        this.name = name;
        this.email = email;
        this.phoneEncrypted = phoneEncrypted;
        this.phoneHash = phoneHash;
        this.passwordHash = passwordHash;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getEmail() { return email; }
    public String getPhoneEncrypted() { return phoneEncrypted; }
    public String getPhoneHash() { return phoneHash; }
    public String getPasswordHash() { return passwordHash; }
    /** Bumped by a password change (api-gateway's TokenGenerations); tokens of an older one are refused. */
    public int getTokenGeneration() { return tokenGeneration; }
    public Instant getCreatedAt() { return createdAt; }

    public void rename(String name) {
        this.name = name;
        touch();
    }

    public void changePhone(String phoneEncrypted, String phoneHash) {
        this.phoneEncrypted = phoneEncrypted;
        this.phoneHash = phoneHash;
        touch();
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        touch();
    }

    private void touch() {
        this.updatedAt = Instant.now();
    }
}
