package dev.barehttp.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes every {@link RequestSamples} input to a file, so a decoder outside the JVM (the llhttp
 * harness of {@code benchmarks/codec.sh}) parses byte for byte what the JMH decode cases parse.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.barehttp.benchmarks.RequestSampleFiles DIR}: writes
 * {@code DIR/NAME.http} per sample and {@code DIR/samples.tsv}, one line per sample with its name,
 * file, request count and body byte count.
 */
public final class RequestSampleFiles {
    private RequestSampleFiles() {
    }

    /** Writes the samples into the directory given as the only argument. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RequestSampleFiles DIR");
        }
        write(Path.of(args[0]));
    }

    /** Writes the sample files and their index into {@code dir}, creating it if needed. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (PrintWriter index = new PrintWriter(Files.newBufferedWriter(dir.resolve("samples.tsv"),
                StandardCharsets.US_ASCII))) {
            for (RequestSamples sample : RequestSamples.values()) {
                Path file = dir.resolve(sample.name() + ".http");
                Files.write(file, sample.bytes());
                index.printf("%s\t%s\t%d\t%d%n", sample.name(), file.toAbsolutePath(), sample.requests(),
                        sample.bodyBytes());
            }
        }
    }
}
