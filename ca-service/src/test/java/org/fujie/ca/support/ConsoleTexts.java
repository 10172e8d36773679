package org.fujie.ca.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.fujie.service.console.ProblemTitles;
import org.fujie.service.problem.ProblemType;

/**
 * The checks of a service's console texts: every bundle has the same keys in English and Chinese, and every text a
 * template (the service's or service-support's) names exists in the shared bundle or the service's.
 */
public final class ConsoleTexts {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)(?:\\(|})");
    private static final String SHARED = "console/messages";

    private ConsoleTexts() {
    }

    /** The bundles whose two languages differ in their keys: none, when all is well. */
    public static void assertSameKeysInBothLanguages(String serviceBundle) {
        for (String bundle : new String[] {SHARED, serviceBundle}) {
            assertThat(load(bundle + "_zh_CN").keySet()).as(bundle).isEqualTo(load(bundle + "_en").keySet());
        }
    }

    /** Run from the service's module folder; the templates it reads are its own and service-support's. */
    public static void assertEveryTemplateTextExists(String serviceBundle, int atLeast) throws IOException {
        Set<Object> known = new TreeSet<>(load(SHARED + "_en").keySet());
        known.addAll(load(serviceBundle + "_en").keySet());
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
        assertThat(used).hasSizeGreaterThan(atLeast);
        assertThat(known).containsAll(used);
    }

    /** Every ProblemType the classes declare (public static fields) has a Chinese title for the console's pages. */
    public static void assertEveryProblemHasAChineseTitle(Class<?>... declaring) throws IllegalAccessException {
        List<String> untitled = new ArrayList<>();
        int problems = 0;
        for (Class<?> type : declaring) {
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
                    ProblemType problem = (ProblemType) field.get(null);
                    problems++;
                    if (ProblemTitles.of(problem, Locale.SIMPLIFIED_CHINESE).equals(problem.title())) {
                        untitled.add(problem.slug());
                    }
                }
            }
        }
        assertThat(problems).as("problem types found").isPositive();
        assertThat(untitled).as("problems without a title in console/problem-titles_zh_CN.properties").isEmpty();
    }

    private static Properties load(String name) {
        Properties properties = new Properties();
        try (InputStream in = ConsoleTexts.class.getClassLoader().getResourceAsStream(name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
