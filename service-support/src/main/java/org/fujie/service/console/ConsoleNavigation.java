package org.fujie.service.console;

import java.util.List;

/**
 * A service's own console pages in the navigation bar (message key and path), and which of the three services it is
 * ({@code ca}, {@code seal}, {@code trust}), so the links to the others can be told from its own.
 */
public record ConsoleNavigation(String service, List<Item> items) {

    public ConsoleNavigation {
        items = List.copyOf(items);
    }

    public record Item(String messageKey, String path) {
    }
}
