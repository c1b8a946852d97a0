package com.kt.eventmarketing.ai;

/** The model answered, but not with the JSON we asked for; the message says what is wrong, for the correction. */
class MalformedAnswerException extends RuntimeException {

    MalformedAnswerException(String reason) {
        super(reason);
    }
}
