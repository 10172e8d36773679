package org.fujie.service.console;

/**
 * A bundle of console texts a service adds to the shared ones ({@code console/messages}), e.g. {@code console/ca-messages}:
 * files {@code <basename>_en.properties} and {@code <basename>_zh_CN.properties}, UTF-8.
 */
public record ConsoleMessages(String basename) {
}
