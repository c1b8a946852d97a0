package com.kt.eventmarketing.content.blob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Keeps each image as {@code <dir>/<imageId>.png}; the default store ({@code kt.blob.type=filesystem}). Gateway and
 * workers must then share the directory (one volume); {@link S3BlobStore} lifts that.
 */
public class FileSystemBlobStore implements BlobStore {

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
        if (!ImageIds.isSafe(imageId)) {
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
        return dir.resolve(ImageIds.requireSafe(imageId) + ".png");
    }
}
