package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every console text exists in English and Chinese, and every text a template names exists. */
class ConsoleMessagesTests {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)(?:\\(|})");
    private static final String[] BUNDLES = {"console/messages", "console/ca-messages"};

    @Test
    void everyBundleWhenComparedAcrossLanguagesThenSameKeys() {
        for (String bundle : BUNDLES) {
            assertThat(load(bundle + "_zh_CN").keySet()).as(bundle).isEqualTo(load(bundle + "_en").keySet());
        }
    }

    @Test
    void everyTemplateWhenReadThenItsTextsExist() throws IOException {
        Set<Object> known = new TreeSet<>();
        for (String bundle : BUNDLES) {
            known.addAll(load(bundle + "_en").keySet());
        }
        Set<String> used = new TreeSet<>();
        for (Path folder : new Path[] {Path.of("src/main/resources/templates"), Path.of("../service-support/src/main/resources/templates")}) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    Matcher key = LITERAL_KEY.matcher(Files.readString(file));
                    while (key.find()) {
                        used.add(key.group(1));
                    }
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(known).containsAll(used);
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = ConsoleMessagesTests.class.getClassLoader().getResourceAsStream(name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
