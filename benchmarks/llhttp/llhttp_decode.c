/*
 * The llhttp anchor of benchmarks/codec.sh: llhttp's C parser decoding the JMH decode cases' inputs.
 *
 *   llhttp_decode NAME FILE REQUESTS BODY_BYTES WARMUP_S ITERATION_S ITERATIONS
 *
 * FILE holds one sample exactly as RequestSamples has it (written by RequestSampleFiles). One parser
 * is reused for every pass, as on a keep-alive connection: each pass hands it the whole file in one
 * llhttp_execute(). Before timing, one pass must yield REQUESTS requests and BODY_BYTES body bytes
 * with no error, else the harness exits with status 1. Then WARMUP_S seconds untimed, and
 * ITERATIONS timed iterations of ITERATION_S seconds each; every iteration prints one line:
 *
 *   NAME <tab> ITERATION <tab> REQUESTS_PER_SECOND
 *
 * Strict: built with LLHTTP_STRICT_MODE=1 and no lenient flag is set. The callbacks do what the
 * Java sides do per request: note the method, the target and the Host value (here as spans of the
 * input, which is how llhttp hands them out), count body bytes and requests.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "llhttp.h"

/* How many passes run between two reads of the clock. */
#define PASSES_PER_CLOCK_READ 256

typedef struct {
    uint64_t requests;
    uint64_t body_bytes;
    uint64_t checksum; /* method, target and Host lengths, so no callback's work can be dropped */
    size_t target_length;
    size_t host_length;
    int in_host;
} decoded;

static int on_message_begin(llhttp_t *parser) {
    decoded *d = parser->data;
    d->target_length = 0;
    d->host_length = 0;
    return 0;
}

static int on_url(llhttp_t *parser, const char *at, size_t length) {
    (void) at;
    ((decoded *) parser->data)->target_length += length;
    return 0;
}

static int on_header_field(llhttp_t *parser, const char *at, size_t length) {
    ((decoded *) parser->data)->in_host = length == 4 && strncasecmp(at, "host", 4) == 0;
    return 0;
}

static int on_header_value(llhttp_t *parser, const char *at, size_t length) {
    decoded *d = parser->data;
    (void) at;
    if (d->in_host) {
        d->host_length += length;
    }
    return 0;
}

static int on_header_value_complete(llhttp_t *parser) {
    ((decoded *) parser->data)->in_host = 0;
    return 0;
}

static int on_body(llhttp_t *parser, const char *at, size_t length) {
    (void) at;
    ((decoded *) parser->data)->body_bytes += length;
    return 0;
}

static int on_message_complete(llhttp_t *parser) {
    decoded *d = parser->data;
    d->requests++;
    d->checksum += llhttp_get_method(parser) + d->target_length + d->host_length;
    return 0;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double) t.tv_sec + t.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *length) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        exit(2);
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *bytes = malloc(size > 0 ? (size_t) size : 1);
    if (bytes == NULL || fread(bytes, 1, (size_t) size, f) != (size_t) size) {
        fprintf(stderr, "%s: cannot read\n", path);
        exit(2);
    }
    fclose(f);
    *length = (size_t) size;
    return bytes;
}

static void pass(llhttp_t *parser, const char *input, size_t length) {
    llhttp_errno_t error = llhttp_execute(parser, input, length);
    if (error != HPE_OK) {
        fprintf(stderr, "llhttp: %s (%s)\n", llhttp_errno_name(error), llhttp_get_error_reason(parser));
        exit(1);
    }
}

/* Runs passes for at least `seconds`; returns the passes done and stores the time they took. */
static uint64_t run_for(llhttp_t *parser, const char *input, size_t length, double seconds, double *took) {
    uint64_t passes = 0;
    double start = now_seconds(), end = start + seconds, t;
    do {
        for (int i = 0; i < PASSES_PER_CLOCK_READ; i++) {
            pass(parser, input, length);
        }
        passes += PASSES_PER_CLOCK_READ;
        t = now_seconds();
    } while (t < end);
    *took = t - start;
    return passes;
}

int main(int argc, char **argv) {
    if (argc != 8) {
        fprintf(stderr, "usage: %s NAME FILE REQUESTS BODY_BYTES WARMUP_S ITERATION_S ITERATIONS\n", argv[0]);
        return 2;
    }
    const char *name = argv[1];
    size_t length;
    char *input = read_file(argv[2], &length);
    uint64_t requests = strtoull(argv[3], NULL, 10);
    uint64_t body_bytes = strtoull(argv[4], NULL, 10);
    double warmup = atof(argv[5]), iteration = atof(argv[6]);
    int iterations = atoi(argv[7]);

    llhttp_settings_t settings;
    llhttp_settings_init(&settings);
    settings.on_message_begin = on_message_begin;
    settings.on_url = on_url;
    settings.on_header_field = on_header_field;
    settings.on_header_value = on_header_value;
    settings.on_header_value_complete = on_header_value_complete;
    settings.on_body = on_body;
    settings.on_message_complete = on_message_complete;
    llhttp_t parser;
    llhttp_init(&parser, HTTP_REQUEST, &settings);
    decoded d = {0};
    parser.data = &d;

    pass(&parser, input, length);
    if (d.requests != requests || d.body_bytes != body_bytes) {
        fprintf(stderr, "%s: llhttp decoded %llu requests and %llu body bytes, expected %llu and %llu\n", name,
                (unsigned long long) d.requests, (unsigned long long) d.body_bytes,
                (unsigned long long) requests, (unsigned long long) body_bytes);
        return 1;
    }

    double took;
    if (warmup > 0) {
        run_for(&parser, input, length, warmup, &took);
    }
    for (int i = 1; i <= iterations; i++) {
        uint64_t passes = run_for(&parser, input, length, iteration, &took);
        printf("%s\t%d\t%.1f\n", name, i, (double) (passes * requests) / took);
        fflush(stdout);
    }
    /* Every pass decoded the same requests: a mismatch means the parser went wrong while timed. */
    if (d.requests % requests != 0 || d.checksum == 0) {
        fprintf(stderr, "%s: inconsistent totals after the run\n", name);
        return 1;
    }
    free(input);
    return 0;
}
