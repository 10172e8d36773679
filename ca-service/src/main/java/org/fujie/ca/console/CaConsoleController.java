package org.fujie.ca.console;

import java.util.Comparator;

import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.ocsp.DelegatedResponders;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.ca.revocation.CrlStore;
import org.fujie.ca.store.CaRecord;
import org.fujie.service.console.ConsoleController;
import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The CA hierarchy as a tree; one CA with its key, CRL and OCSP responder status; the profiles and their rules. */
@ConsoleController
class CaConsoleController {

    private final AuthorityRegistry authorities;
    private final CrlStore crls;
    private final DelegatedResponders responders;
    private final ProfileRegistry profiles;

    CaConsoleController(AuthorityRegistry authorities, CrlStore crls, DelegatedResponders responders, ProfileRegistry profiles) {
        this.authorities = authorities;
        this.crls = crls;
        this.responders = responders;
        this.profiles = profiles;
    }

    @GetMapping("/console/cas")
    String hierarchy(Model model) {
        model.addAttribute("roots", CaNode.forest(authorities.records()));
        return "console/ca/cas";
    }

    @GetMapping("/console/cas/{id}")
    String ca(@PathVariable String id, Model model) {
        CaRecord ca = authorities.record(id).orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no CA with id " + id));
        model.addAttribute("ca", ca);
        model.addAttribute("keyUnavailable", authorities.find(id).map(CertificateAuthority::keyUnavailableReason).orElse(null));
        model.addAttribute("decoded", CertificateDecoder.decode(ca.certificateDer()));
        model.addAttribute("fullCrl", crls.latest(id, false).orElse(null));
        model.addAttribute("deltaCrl", crls.latest(id, true).orElse(null));
        model.addAttribute("responder", responders.status(id).orElse(null));
        model.addAttribute("children", authorities.records().stream().filter(other -> id.equals(other.parentId())).toList());
        return "console/ca/ca";
    }

    @GetMapping("/console/profiles")
    String profiles(Model model) {
        model.addAttribute("profiles", profiles.all().stream().sorted(Comparator.comparing(CertificateProfile::name)).toList());
        return "console/ca/profiles";
    }
}
