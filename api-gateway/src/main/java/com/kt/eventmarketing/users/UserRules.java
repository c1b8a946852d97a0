package com.kt.eventmarketing.users;

/** The sign-up rules' patterns, shared by the request records. */
final class UserRules {
    static final String NAME = "^[가-힣a-zA-Z][가-힣a-zA-Z ]*[가-힣a-zA-Z]$";
    static final String NAME_MESSAGE = "must be at least 2 characters of Hangul or Latin letters";
    static final String PASSWORD = "^(?=.*[A-Za-z])(?=.*\\d)(?=.*[^A-Za-z0-9\\s]).{8,64}$";
    static final String PASSWORD_MESSAGE = "must be 8-64 characters with at least one letter, one digit and one special character";

    private UserRules() {
    }
}
