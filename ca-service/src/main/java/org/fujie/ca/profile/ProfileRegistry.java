package org.fujie.ca.profile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The configured profiles by name. */
public final class ProfileRegistry {

    private final Map<String, CertificateProfile> profiles;
    private final Collection<CertificateProfile> ordered;

    public ProfileRegistry(Map<String, ProfileProperties> configured) {
        Map<String, CertificateProfile> built = new LinkedHashMap<>();
        configured.forEach((name, properties) -> built.put(name, CertificateProfile.from(name, properties)));
        this.profiles = Map.copyOf(built);
        this.ordered = java.util.List.copyOf(built.values());
    }

    public Optional<CertificateProfile> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(profiles.get(name));
    }

    public Collection<CertificateProfile> all() {
        return ordered;
    }
}
