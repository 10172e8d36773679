package org.fujie.client.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * deploy/reference/configuration.md lists every {@code fujie.client.*} property. The starter depends on nothing of
 * Fujie's services, so this walks {@link FujieClientProperties}' records itself rather than with ca-service's
 * ConfigurationReference; a documented name is again the first cell of a table row.
 */
class ClientConfigurationReferenceTests {

    @Test
    void documentsEveryProperty() throws IOException {
        String reference = Files.readString(Path.of("../../deploy/reference/configuration.md"));
        Set<String> documented = new TreeSet<>();
        Matcher rows = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE).matcher(reference);
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        Set<String> known = new TreeSet<>();
        collect("fujie.client", FujieClientProperties.class, known);

        assertThat(known).contains("fujie.client.trust-service-url", "fujie.client.jwt.introspection.cache-ttl",
                "fujie.client.mtls.role-grants[n].roles");
        known.removeAll(documented);
        assertThat(known).as("undocumented in deploy/reference/configuration.md").isEmpty();
    }

    private static void collect(String prefix, Class<?> type, Set<String> names) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            Type generic = component.getGenericType();
            if (component.getType().isRecord()) {
                collect(name, component.getType(), names);
            } else if (component.getType() == List.class && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                collect(name + "[n]", element, names);
            } else {
                names.add(name);
            }
        }
    }
}
