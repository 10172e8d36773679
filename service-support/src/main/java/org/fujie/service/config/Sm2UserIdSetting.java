package org.fujie.service.config;

import org.fujie.pki.crypto.Sm2;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code fujie.sm2.user-id}: the SM2 distinguishing identifier every SM2 signature of the deployment uses (GM/T 0009;
 * default {@value Sm2#DEFAULT_USER_ID}). Set once the configuration is read and before any bean exists, so no key signs
 * with another; every service of a deployment (and its relying parties) must use the same.
 */
public class Sm2UserIdSetting implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "fujie.sm2.user-id";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Sm2.useUserId(environment.getProperty(PROPERTY, Sm2.DEFAULT_USER_ID));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
