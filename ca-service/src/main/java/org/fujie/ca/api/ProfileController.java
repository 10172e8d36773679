package org.fujie.ca.api;

import org.fujie.service.problem.CommonProblem;

import java.util.List;

import org.fujie.service.problem.FujieException;
import org.fujie.ca.profile.CertificateProfile;
import org.fujie.ca.profile.ProfileRegistry;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {

    private final ProfileRegistry profiles;

    ProfileController(ProfileRegistry profiles) {
        this.profiles = profiles;
    }

    record ProfileView(String name, String description, List<String> keyUsages, List<String> extendedKeyUsages,
            boolean extendedKeyUsagesCritical, List<String> allowedAlgorithms, int maxValidityDays,
            int defaultValidityDays, List<String> requiredSubjectFields, List<String> allowedSubjectFields,
            List<String> allowedSanTypes, boolean sanRequired, boolean ocspNoCheck) {

        static ProfileView of(CertificateProfile p) {
            return new ProfileView(p.name(), p.description(), p.keyUsages(), p.extendedKeyUsageNames(),
                    p.extendedKeyUsagesCritical(), p.allowedAlgorithms().stream().map(KeyAlgorithm::id).sorted().toList(),
                    p.maxValidityDays(), p.defaultValidityDays(), p.requiredSubjectFields().stream().sorted().toList(),
                    p.allowedSubjectFields().stream().sorted().toList(),
                    p.allowedSanTypes().stream().map(t -> t.name().toLowerCase()).sorted().toList(), p.sanRequired(),
                    p.ocspNoCheck());
        }
    }

    @GetMapping
    List<ProfileView> list() {
        return profiles.all().stream().map(ProfileView::of).toList();
    }

    @GetMapping("/{name}")
    ProfileView get(@PathVariable String name) {
        return profiles.find(name).map(ProfileView::of)
                .orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no profile named " + name));
    }
}
