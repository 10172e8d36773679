package org.fujie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mistyped option must not print the secret after it: picocli quotes the arguments it could not place. */
class ErrorMapperMaskingTests {

    @Test
    void maskedWhenAPasswordOrTokenFollowsAMistypedOptionThenTheSecretIsHidden() {
        String[] args = {"login", "--pasword", "S3cret!", "--p12-password=hunter2", "--tokn", "eyJabc"};
        String message = "Unknown options: '--pasword', 'S3cret!', '--p12-password=hunter2', '--tokn', 'eyJabc'";

        String shown = ErrorMapper.masked(message, args);

        assertThat(shown).doesNotContain("S3cret!", "hunter2", "eyJabc").contains("'--pasword'", "***");
    }

    @Test
    void maskedWhenNoSecretOptionThenMessageUnchanged() {
        assertThat(ErrorMapper.masked("Unmatched argument at index 1: 'bogus'", new String[] {"cert", "bogus"}))
                .isEqualTo("Unmatched argument at index 1: 'bogus'");
    }
}
