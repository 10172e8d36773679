package org.fujie.ca.profile;

import java.util.ArrayList;
import java.util.List;

/** Binding of one profile under {@code fujie.ca.profiles.<name>}; see {@link CertificateProfile}. */
public class ProfileProperties {

    private String description = "";
    private List<String> keyUsages = new ArrayList<>();
    private List<String> extendedKeyUsages = new ArrayList<>();
    private boolean extendedKeyUsagesCritical;
    private int maxValidityDays = 365;
    private int defaultValidityDays = 365;
    private List<String> allowedAlgorithms = new ArrayList<>();
    private List<String> requiredSubjectFields = new ArrayList<>(List.of("CN"));
    private List<String> allowedSubjectFields = new ArrayList<>(List.of("CN", "O", "OU", "L", "ST", "C"));
    private List<String> allowedSanTypes = new ArrayList<>();
    private boolean sanRequired;
    private boolean ocspNoCheck;
    private List<String> policyOids = new ArrayList<>();
    private List<String> identityExtensions = new ArrayList<>();
    private List<String> requiredIdentityExtensions = new ArrayList<>();

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<String> getKeyUsages() {
        return keyUsages;
    }

    public void setKeyUsages(List<String> keyUsages) {
        this.keyUsages = keyUsages;
    }

    public List<String> getExtendedKeyUsages() {
        return extendedKeyUsages;
    }

    public void setExtendedKeyUsages(List<String> extendedKeyUsages) {
        this.extendedKeyUsages = extendedKeyUsages;
    }

    public boolean isExtendedKeyUsagesCritical() {
        return extendedKeyUsagesCritical;
    }

    public void setExtendedKeyUsagesCritical(boolean extendedKeyUsagesCritical) {
        this.extendedKeyUsagesCritical = extendedKeyUsagesCritical;
    }

    public int getMaxValidityDays() {
        return maxValidityDays;
    }

    public void setMaxValidityDays(int maxValidityDays) {
        this.maxValidityDays = maxValidityDays;
    }

    public int getDefaultValidityDays() {
        return defaultValidityDays;
    }

    public void setDefaultValidityDays(int defaultValidityDays) {
        this.defaultValidityDays = defaultValidityDays;
    }

    public List<String> getAllowedAlgorithms() {
        return allowedAlgorithms;
    }

    public void setAllowedAlgorithms(List<String> allowedAlgorithms) {
        this.allowedAlgorithms = allowedAlgorithms;
    }

    public List<String> getRequiredSubjectFields() {
        return requiredSubjectFields;
    }

    public void setRequiredSubjectFields(List<String> requiredSubjectFields) {
        this.requiredSubjectFields = requiredSubjectFields;
    }

    public List<String> getAllowedSubjectFields() {
        return allowedSubjectFields;
    }

    public void setAllowedSubjectFields(List<String> allowedSubjectFields) {
        this.allowedSubjectFields = allowedSubjectFields;
    }

    public List<String> getAllowedSanTypes() {
        return allowedSanTypes;
    }

    public void setAllowedSanTypes(List<String> allowedSanTypes) {
        this.allowedSanTypes = allowedSanTypes;
    }

    public boolean isSanRequired() {
        return sanRequired;
    }

    public void setSanRequired(boolean sanRequired) {
        this.sanRequired = sanRequired;
    }

    public boolean isOcspNoCheck() {
        return ocspNoCheck;
    }

    public void setOcspNoCheck(boolean ocspNoCheck) {
        this.ocspNoCheck = ocspNoCheck;
    }

    public List<String> getPolicyOids() {
        return policyOids;
    }

    public void setPolicyOids(List<String> policyOids) {
        this.policyOids = policyOids;
    }

    /** GM/T 0015 identity extensions a request may give (pki-core IdentityExtension ids). */
    public List<String> getIdentityExtensions() {
        return identityExtensions;
    }

    public void setIdentityExtensions(List<String> identityExtensions) {
        this.identityExtensions = identityExtensions;
    }

    public List<String> getRequiredIdentityExtensions() {
        return requiredIdentityExtensions;
    }

    public void setRequiredIdentityExtensions(List<String> requiredIdentityExtensions) {
        this.requiredIdentityExtensions = requiredIdentityExtensions;
    }
}
