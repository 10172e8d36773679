package org.fujie.service.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.fujie.service.problem.ProblemType;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A problem's title in the console's language: Chinese from {@code console/problem-titles_zh_CN.properties} by the
 * problem's slug, else the English title the ProblemType carries (the API's problem JSON keeps that one). The detail
 * stays as the service wrote it.
 */
public final class ProblemTitles {

    static final String CHINESE = "console/problem-titles_zh_CN.properties";
    private static final Properties ZH = load();

    private ProblemTitles() {
    }

    /** The title for the current request's language (the console's locale resolver sets it). */
    public static String of(ProblemType type) {
        return of(type, LocaleContextHolder.getLocale());
    }

    public static String of(ProblemType type, Locale locale) {
        if (Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return ZH.getProperty(type.slug(), type.title());
        }
        return type.title();
    }

    private static Properties load() {
        Properties titles = new Properties();
        try (InputStream in = ProblemTitles.class.getClassLoader().getResourceAsStream(CHINESE)) {
            if (in == null) {
                throw new IllegalStateException(CHINESE + " is missing from the class path");
            }
            titles.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return titles;
    }
}
