package org.fujie.seal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.TestCertificates;
import org.fujie.seal.SealTestServices;

/** The console's users in the running seal-service: two SEAL_ADMINs, a keeper, an auditor; and seals made through the console. */
final class SealConsole {

    static final String KEEPER = "CN=Console Keeper,O=Ministry";

    final TestCertificates.Issued maker;
    final TestCertificates.Issued approver;
    final TestCertificates.Issued keeper;
    final TestCertificates.Issued auditor;
    private final SealTestServices services;

    SealConsole(SealTestServices services) {
        this.services = services;
        maker = services.user("CN=Console Maker,O=Ministry", "SEAL_ADMIN");
        approver = services.user("CN=Console Approver,O=Ministry", "SEAL_ADMIN");
        keeper = services.user(KEEPER, "SEAL_KEEPER");
        auditor = services.user("CN=Console Auditor,O=Ministry", "AUDITOR");
    }

    ConsoleClient as(TestCertificates.Issued user) {
        return ConsoleClient.withCertificate(services.sealUrl(), user.pkcs12(), user.password(), services.ca().trustChain());
    }

    /** A seal made through the console's form by the maker, for the keeper; its id. */
    String make(String name) {
        ConsoleClient maker = as(this.maker);
        maker.get("/console/seals/new");
        ConsoleClient.Download made = maker.postMultipart("/console/seals/new", Map.of("name", name, "organization", "北京市数据管理局",
                "type", "CONTRACT", "algorithm", "EC-P256", "keepers", KEEPER, "action", "make"), List.of());
        assertThat(made.status()).as(new String(made.body())).isEqualTo(302);
        ConsoleClient.Page detail = maker.get("/console/seals");
        String id = detail.body().replaceFirst("(?s).*href=\"/console/seals/([0-9a-f-]{36})\">" + name + "<.*", "$1");
        assertThat(id).hasSize(36);
        return id;
    }

    /** A seal made by the maker and approved by the approver, through the console. */
    String active(String name) {
        String id = make(name);
        ConsoleClient approver = as(this.approver);
        approver.get("/console/seals/" + id);
        assertThat(approver.post("/console/seals/" + id + "/approve", Map.of()).status()).isEqualTo(302);
        return id;
    }
}
