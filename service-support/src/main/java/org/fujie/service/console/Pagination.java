package org.fujie.service.console;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list and the links to its neighbours, keeping the request's filters. Page numbers start at 0 in URLs
 * (as in the API) and at 1 on screen.
 */
public record Pagination(int page, int size, long total, String previousUrl, String nextUrl) {

    public static final int DEFAULT_SIZE = 25;
    public static final int MAX_SIZE = 200;

    public static Pagination of(HttpServletRequest request, int page, int size, long total) {
        boolean hasNext = (long) (page + 1) * size < total;
        return new Pagination(page, size, total, page > 0 ? link(request, page - 1) : null, hasNext ? link(request, page + 1) : null);
    }

    /** The page asked for, never below 0. */
    public static int page(Integer asked) {
        return asked == null || asked < 0 ? 0 : asked;
    }

    /** The size asked for, within 1 and {@link #MAX_SIZE}. */
    public static int size(Integer asked) {
        return asked == null || asked < 1 ? DEFAULT_SIZE : Math.min(asked, MAX_SIZE);
    }

    public long firstItem() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long lastItem() {
        return Math.min((long) (page + 1) * size, total);
    }

    public long pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    private static String link(HttpServletRequest request, int page) {
        // Relative, and the query as the browser sent it (already encoded): only the page changes.
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("page", page).build().toUriString();
    }
}
