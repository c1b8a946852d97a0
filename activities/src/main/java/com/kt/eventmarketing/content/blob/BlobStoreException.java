package com.kt.eventmarketing.content.blob;

/** A blob store could not be reached or refused an operation (not: the image does not exist). */
public class BlobStoreException extends RuntimeException {

    public BlobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
