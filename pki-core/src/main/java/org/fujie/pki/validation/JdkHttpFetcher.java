package org.fujie.pki.validation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpFetcher} over the JDK's HttpClient: http only (the endpoints are plain HTTP by convention,
 * and TLS here would need validation in turn), no redirects (a redirect could leave an allow-listed
 * host), a connect timeout and a deadline for the whole answer, and bodies read only up to the limit.
 */
public final class JdkHttpFetcher implements HttpFetcher {

    private final HttpClient client;
    private final Duration requestTimeout;

    public JdkHttpFetcher(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.requestTimeout = requestTimeout;
    }

    public static JdkHttpFetcher withDefaults() {
        return new JdkHttpFetcher(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    @Override
    public byte[] get(URI uri, int maxBytes) throws FetchException {
        return send(request(uri).GET().build(), maxBytes);
    }

    @Override
    public byte[] post(URI uri, String contentType, byte[] body, int maxBytes) throws FetchException {
        return send(request(uri).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), maxBytes);
    }

    private HttpRequest.Builder request(URI uri) throws FetchException {
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("http") || uri.getHost() == null) {
            throw new FetchException("not an http URL: " + uri);
        }
        return HttpRequest.newBuilder(uri).timeout(requestTimeout);
    }

    private byte[] send(HttpRequest request, int maxBytes) throws FetchException {
        // The request timeout of HttpClient ends at the headers; the deadline here also bounds a slow body.
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, info -> info.statusCode() == 200
                ? new LimitedBody(maxBytes)
                : HttpResponse.BodySubscribers.replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException(request.uri() + " did not answer within " + requestTimeout, e);
        } catch (ExecutionException e) {
            throw new FetchException(request.uri() + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException("interrupted while fetching " + request.uri(), e);
        }
        if (response.statusCode() != 200) {
            throw new FetchException(request.uri() + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Collects a body up to a limit and fails, cancelling the transfer, past it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
        private final int maxBytes;
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (collected.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new IOException("answer larger than " + maxBytes + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                collected.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(collected.toByteArray());
        }
    }
}
