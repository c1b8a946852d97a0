package com.kt.eventmarketing.content.blob;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** Keeps each image as {@code <dir>/<imageId>.png}; the default store until an S3 one is added. */
@Component
public class FileSystemBlobStore implements BlobStore {

    /** Image ids come from URLs on the way back in; only plain ids may become file names. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Path dir;

    public FileSystemBlobStore(BlobStoreProperties properties) {
        this.dir = properties.dir().toAbsolutePath().normalize();
    }

    @Override
    public void write(String imageId, byte[] png) {
        Path target = file(imageId);
        try {
            Files.createDirectories(dir);
            // write then move, so a reader never sees half an image
            Path partial = Files.createTempFile(dir, imageId, ".part");
            Files.write(partial, png);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store image " + imageId, e);
        }
    }

    @Override
    public Optional<byte[]> read(String imageId) {
        if (!SAFE_ID.matcher(imageId).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file(imageId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read image " + imageId, e);
        }
    }

    private Path file(String imageId) {
        if (!SAFE_ID.matcher(imageId).matches()) {
            throw new IllegalArgumentException("image id must match " + SAFE_ID.pattern());
        }
        return dir.resolve(imageId + ".png");
    }
}
