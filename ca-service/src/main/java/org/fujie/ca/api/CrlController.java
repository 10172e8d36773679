package org.fujie.ca.api;

import org.fujie.service.web.Caller;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.fujie.ca.revocation.CrlPublisher;
import org.fujie.ca.revocation.CrlRecord;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Publishing a CRL now, outside the schedule (ADMIN): after a key compromise nobody waits for the timer. */
@RestController
class CrlController {

    private final CrlPublisher publisher;

    CrlController(CrlPublisher publisher) {
        this.publisher = publisher;
    }

    record CrlView(long crlNumber, Long baseCrlNumber, String thisUpdate, String nextUpdate, int entries, int sizeBytes) {
        static CrlView of(CrlRecord crl) {
            return crl == null ? null : new CrlView(crl.number(), crl.baseNumber(), crl.thisUpdate().toString(),
                    crl.nextUpdate().toString(), crl.entries(), crl.der().length);
        }
    }

    /** crlNumber and entries repeat the complete CRL's when one was made, else the delta's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PublicationView(long crlNumber, int entries, long generationMillis, CrlView full, CrlView delta) {
    }

    @PostMapping("/api/v1/cas/{id}/crl")
    PublicationView publish(@PathVariable String id, @RequestParam(defaultValue = "false") boolean deltaOnly, Authentication caller) {
        CrlPublisher.Publication made = publisher.publishNow(id, deltaOnly, Caller.of(caller));
        CrlRecord headline = made.full() != null ? made.full() : made.delta();
        return new PublicationView(headline.number(), headline.entries(), made.millis(), CrlView.of(made.full()),
                CrlView.of(made.delta()));
    }
}
