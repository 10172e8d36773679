package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import org.fujie.client.sdk.seal.StampOptions;
import org.junit.jupiter.api.Test;

/** The options part as sent: unset fields are left out, so seal-service's defaults apply. */
class StampOptionsSdkTests {

    private final FujieConnection connection = FujieConnection.builder("http://127.0.0.1:1").build();

    @Test
    void defaultsAreAnEmptyObject() {
        assertThat(connection.write(StampOptions.defaults())).isEqualTo("{}");
    }

    @Test
    void placementKeywordAndLevel() {
        assertThat(connection.write(StampOptions.at(1, 400, 80, 119).withLevel("B-T")))
                .isEqualTo("{\"page\":1,\"x\":400.0,\"y\":80.0,\"width\":119.0,\"level\":\"B-T\"}");
        assertThat(connection.write(StampOptions.atKeyword("盖章处").withKeyword("盖章处", true)))
                .isEqualTo("{\"keyword\":\"盖章处\",\"everyOccurrence\":true}");
    }

    @Test
    void crossPageCertifyXmlAndSes() {
        assertThat(connection.write(StampOptions.defaults().withPlacement(2, null, 400f, null).acrossPages(3).certifying()))
                .isEqualTo("{\"page\":2,\"y\":400.0,\"crossPage\":true,\"lastPage\":3,\"certify\":true}");
        assertThat(connection.write(StampOptions.defaults().withXml("detached", "ProofOfApproval", true)))
                .isEqualTo("{\"packaging\":\"detached\",\"commitment\":\"ProofOfApproval\",\"countersign\":true}");
        assertThat(connection.write(StampOptions.defaults().withFormat("ses"))).isEqualTo("{\"format\":\"ses\"}");
    }
}
