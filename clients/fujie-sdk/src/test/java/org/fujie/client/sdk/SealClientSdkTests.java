package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.fujie.client.sdk.seal.NewSeal;
import org.fujie.client.sdk.seal.Seal;
import org.fujie.client.sdk.seal.SealClient;
import org.fujie.client.sdk.seal.StampOptions;
import org.fujie.client.sdk.trust.TrustClient;
import org.fujie.client.sdk.trust.VerificationReport;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SealClient against a real seal-service (beside ca-service and trust-service): two SEAL_ADMINs for four eyes and a
 * SEAL_KEEPER, each with its own certificate. Stamped PDFs are judged by poppler's pdfsig and by trust-service.
 */
@ExtendWith(SdkServices.Resolver.class)
class SealClientSdkTests {

    private static SealClient maker;
    private static SealClient approver;
    private static SealClient keeper;
    private static String keeperSubject;
    private static TrustClient trust;
    /** One NSS database for the class: certutil -N on an existing one would wait for a password. */
    private static Pdfsig pdfsig;

    @BeforeAll
    static void start(SdkServices services, @TempDir Path nss) throws Exception {
        String seal = services.sealUrl();
        maker = new SealClient(services.user("CN=SDK Maker,O=Ministry", "tls-client", seal, "SEAL_ADMIN").connection(seal));
        approver = new SealClient(services.user("CN=SDK Approver,O=Ministry", "tls-client", seal, "SEAL_ADMIN").connection(seal));
        TestUser keeperUser = services.user("CN=SDK Keeper,O=Ministry", "tls-client", seal, "SEAL_KEEPER");
        keeperSubject = keeperUser.subject();
        keeper = new SealClient(keeperUser.connection(seal));
        trust = new TrustClient(services.admin().at(services.trustUrl()));
        if (Pdfsig.installed()) {
            pdfsig = Pdfsig.trusting(nss, caPems(services.trustChain()));
        }
    }

    @Test
    void makeWhenApprovedByAnotherSealAdminThenActiveListedAndReadable() {
        Seal made = maker.create(newSeal("SDK合同专用章"));
        assertThat(made.status()).isEqualTo("PENDING");
        assertThat(made.madeBy()).contains("SDK Maker");
        assertThat(made.keepers()).containsExactly(keeperSubject);

        Seal approved = approver.approve(made.id());
        assertThat(approved.status()).isEqualTo("ACTIVE");
        assertThat(approved.approvedBy()).contains("SDK Approver");
        assertThat(approved.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(approved.serialNumber()).matches("[0-9a-f]+");
        assertThat(approved.notAfter()).isAfter(approved.createdAt());

        assertThat(maker.list()).extracting(Seal::id).contains(made.id());
        assertThat(keeper.list()).extracting(Seal::id).contains(made.id());
        Seal read = keeper.seal(made.id());
        assertThat(read.status()).isEqualTo("ACTIVE");
        assertThat(read.serialNumber()).isEqualTo(approved.serialNumber());
    }

    @Test
    void approveWhenByTheMakerThenForbiddenAsFourEyes() {
        Seal made = maker.create(newSeal("SDK财务专用章"));
        assertThatThrownBy(() -> maker.approve(made.id())).isInstanceOfSatisfying(ForbiddenException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.slug()).isEqualTo("seal-four-eyes");
        });
        assertThat(maker.seal(made.id()).status()).isEqualTo("PENDING");
    }

    @Test
    void stampPdfThenPdfsigAndTrustServiceFindTheSealValid() throws Exception {
        String seal = activeSeal("SDK公章");
        byte[] stamped = keeper.stampPdf(seal, TestPdf.page("SDK contract"), StampOptions.at(1, 400, 100, 120).withReason("approved"));
        assertThat(new String(stamped, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        VerificationReport report = trust.verify(stamped, "stamped.pdf");
        assertThat(report.indication()).as(report.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.signatures().get(0).coversWholeDocument()).isTrue();
        if (pdfsig != null) {
            String judged = pdfsig.check(stamped);
            assertThat(judged).as(judged).contains("Signature is Valid.", "Certificate is Trusted.");
        }
    }

    @Test
    void stampWhenSealSuspendedThenConflictWithStableTypeAndAfterResumeStampsAgain() {
        String seal = activeSeal("SDK暂停章");
        assertThat(maker.suspend(seal).status()).isEqualTo("SUSPENDED");
        assertThatThrownBy(() -> keeper.stampPdf(seal, TestPdf.page("while suspended"), StampOptions.at(1, 400, 100, 120)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.type()).isEqualTo("urn:fujie:problem:seal-state");
                    assertThat(e.slug()).isEqualTo("seal-state");
                });
        // Suspend moves ACTIVE to SUSPENDED only: a second one is refused, which is why SealClient never retries it.
        assertThatThrownBy(() -> maker.suspend(seal)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.slug()).isEqualTo("seal-state"));

        assertThat(approver.resume(seal).status()).isEqualTo("ACTIVE");
        assertThat(keeper.stampPdf(seal, TestPdf.page("after resume"), StampOptions.at(1, 400, 100, 120))).isNotEmpty();
    }

    @Test
    void revokeThenStampAndResumeAreConflictsAndARepeatedRevokeChangesNothing() {
        String seal = activeSeal("SDK作废章");
        Seal revoked = maker.revoke(seal, "cessationOfOperation");
        assertThat(revoked.status()).isEqualTo("REVOKED");
        // Revoke is safe to send again (what a retry does): the seal stays revoked.
        assertThat(maker.revoke(seal, null).status()).isEqualTo("REVOKED");
        assertThatThrownBy(() -> keeper.stampPdf(seal, TestPdf.page("after revocation"), StampOptions.at(1, 400, 100, 120)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.slug()).isEqualTo("seal-state"));
        assertThatThrownBy(() -> maker.resume(seal)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.slug()).isEqualTo("seal-state"));
    }

    @Test
    void keepersWhenReplacedThenTheOldKeeperIsRefusedAndSendingAgainChangesNothing() {
        String seal = activeSeal("SDK交接章");

        Seal replaced = maker.keepers(seal, List.of("CN=SDK Other Keeper,O=Ministry"));

        assertThat(replaced.keepers()).containsExactly("CN=SDK Other Keeper,O=Ministry");
        assertThat(maker.keepers(seal, List.of("CN=SDK Other Keeper,O=Ministry")).keepers()).containsExactly("CN=SDK Other Keeper,O=Ministry");
        assertThatThrownBy(() -> keeper.stampPdf(seal, TestPdf.page("no longer mine"), StampOptions.at(1, 400, 100, 120)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.slug()).isEqualTo("seal-not-granted"));
        assertThatThrownBy(() -> maker.keepers(seal, List.of())).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.slug()).isEqualTo("seal-invalid"));
    }

    @Test
    void unknownSealIsNotFoundWithItsSlug() {
        assertThatThrownBy(() -> maker.seal("no-such-seal")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.slug()).isEqualTo("seal-not-found"));
    }

    @Test
    void stampWhenNotTheKeeperThenForbidden() {
        String seal = activeSeal("SDK非保管章");
        assertThatThrownBy(() -> maker.stampPdf(seal, TestPdf.page("not mine"), StampOptions.at(1, 400, 100, 120)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    private static NewSeal newSeal(String name) {
        return new NewSeal(name, "北京市数据管理局", "CONTRACT", "EC-P256", null, List.of(keeperSubject));
    }

    private static String activeSeal(String name) {
        String id = maker.create(newSeal(name)).id();
        approver.approve(id);
        return id;
    }

    private static List<String> caPems(Path chain) throws Exception {
        List<String> pems = new ArrayList<>();
        for (X509Certificate certificate : Pem.parseCertificates(Files.readString(chain))) {
            pems.add(Pem.encode("CERTIFICATE", certificate.getEncoded()));
        }
        return pems;
    }
}
