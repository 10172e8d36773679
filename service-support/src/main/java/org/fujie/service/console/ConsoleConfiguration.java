package org.fujie.service.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The console's wiring every service shares: texts in English and Chinese, the language switch, the style sheet, the links. */
@Configuration
public class ConsoleConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    /** The shared texts, then each service's own; English where a language lacks a text. */
    @Bean
    MessageSource messageSource(ObjectProvider<ConsoleMessages> bundles) {
        List<String> basenames = new ArrayList<>(List.of("console/messages"));
        bundles.orderedStream().map(ConsoleMessages::basename).forEach(basenames::add);
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(basenames.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        return messages;
    }

    /** The language chosen with {@code ?lang=en|zh_CN}, kept in a cookie; until then the browser's. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("fujie-console-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(true);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Strict");
        resolver.setDefaultLocaleFunction(request -> LANGUAGES.stream()
                .filter(language -> language.getLanguage().equals(request.getLocale().getLanguage()))
                .findFirst().orElse(Locale.ENGLISH));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor languages = new LocaleChangeInterceptor();
        languages.setParamName("lang");
        languages.setIgnoreInvalidLocale(true);
        registry.addInterceptor(languages).addPathPatterns(ConsoleSecurity.PATHS);
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/console/assets/**").addResourceLocations("classpath:/console/assets/");
    }

    /**
     * The session cookie (the console's only session) is not sent with requests other sites start, except plain
     * navigation to a page: one more wall behind the CSRF tokens. Lax, so a link to the console from the intranet works.
     */
    @Bean
    CookieSameSiteSupplier consoleSessionCookie() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }

    /** The console of each service, for the navigation between them (the defaults of ./fujie start). */
    @Bean
    ConsoleLinks consoleLinks(@Value("${fujie.console.links.ca:https://127.0.0.1:8443/console/}") String ca,
            @Value("${fujie.console.links.seal:https://127.0.0.1:8444/console/}") String seal,
            @Value("${fujie.console.links.trust:https://127.0.0.1:8445/console/}") String trust) {
        return new ConsoleLinks(ca, seal, trust);
    }
}
