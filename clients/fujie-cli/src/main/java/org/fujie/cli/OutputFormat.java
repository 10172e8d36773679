package org.fujie.cli;

/** --output: picocli matches the values case-insensitively (set in FujieCli). */
public enum OutputFormat {
    TABLE, JSON, PEM
}
