package org.fujie.seal.console;

import java.util.List;

/** The keepers as the console's forms take them: one subject a line, blank lines ignored. */
final class KeeperLines {

    private KeeperLines() {
    }

    static List<String> parse(String lines) {
        return lines == null ? List.of() : lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    static String join(List<String> keepers) {
        return String.join("\n", keepers);
    }
}
