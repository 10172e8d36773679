package org.fujie.ca.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the code knows and what deploy/reference/configuration.md documents, for the modules' ConfigurationReferenceTests
 * (shared through ca-service's test-jar). A documented name is the first cell of a table row: {@code | `name` | ...}.
 */
public final class ConfigurationReference {

    /** ${fujie.x:...}, getProperty("fujie.x"), @ConditionalOnProperty(name = "fujie.x"), PROPERTY = "fujie.x". */
    private static final Pattern PROPERTY_IN_SOURCE = Pattern.compile(
            "(?:\\$\\{|getProperty\\(\"|name = \"|PROPERTY = \")((?:fujie|server|spring)\\.[a-z0-9.-]*[a-z0-9])");
    /** System.getenv("X") and the constants holding such names (KeyPassphrase.ENVIRONMENT_VARIABLE). */
    private static final Pattern VARIABLE_IN_SOURCE = Pattern.compile("(?:getenv\\(|ENVIRONMENT_VARIABLE = )\"([A-Z][A-Z0-9_]*)\"");
    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    private ConfigurationReference() {
    }

    /** The names in the reference's tables' first column. */
    public static Set<String> documented(Path reference) {
        return matches(DOCUMENTED, read(reference));
    }

    /** The names of {@code known} the reference lacks (sorted: the failure message lists what to document). */
    public static Set<String> undocumented(Path reference, Collection<String> known) {
        Set<String> missing = new TreeSet<>(known);
        missing.removeAll(documented(reference));
        return missing;
    }

    /** Every property of {@code @ConfigurationProperties} classes (or records), under their prefix. */
    public static Set<String> properties(Class<?>... bindings) {
        Set<String> names = new TreeSet<>();
        for (Class<?> binding : bindings) {
            ConfigurationProperties annotation = binding.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            names.addAll(properties(prefix, binding));
        }
        return names;
    }

    /** Every property of a binding class bound under {@code prefix}: its fields, kebab-case, nested classes walked. */
    public static Set<String> properties(String prefix, Class<?> binding) {
        Set<String> names = new TreeSet<>();
        for (Field field : binding.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                add(names, prefix + "." + kebab(field.getName()), field.getGenericType());
            }
        }
        return names;
    }

    private static void add(Set<String> names, String name, Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                add(names, name + ".<name>", arguments[1]);
                return;
            }
            if (Collection.class.isAssignableFrom(raw) && isBinding(arguments[0])) {
                names.addAll(properties(name + "[n]", (Class<?>) arguments[0]));
                return;
            }
        }
        if (isBinding(type)) {
            names.addAll(properties(name, (Class<?>) type));
        } else {
            names.add(name);
        }
    }

    /** A class of Fujie's own that is not an enum: its fields are properties of their own. */
    private static boolean isBinding(Type type) {
        return type instanceof Class<?> c && !c.isEnum() && c.getPackageName().startsWith("org.fujie");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The fujie.*, server.* and spring.* names the .java files under these folders read. */
    public static Set<String> propertiesInSources(Path... sourceFolders) {
        return matches(PROPERTY_IN_SOURCE, sources(sourceFolders));
    }

    /** The environment variables the .java files under these folders read. */
    public static Set<String> variablesInSources(Path... sourceFolders) {
        return matches(VARIABLE_IN_SOURCE, sources(sourceFolders));
    }

    static String sources(Path... folders) {
        StringBuilder text = new StringBuilder();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(file -> text.append(read(file)).append('\n'));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text.toString();
    }

    static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
