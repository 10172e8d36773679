package org.fujie.pki.xades;

/** The commitment types of ETSI TS 101 903 / EN 319 132-1 (xades:CommitmentTypeIndication), as their identifiers. */
public enum CommitmentType {
    PROOF_OF_ORIGIN("ProofOfOrigin"),
    PROOF_OF_RECEIPT("ProofOfReceipt"),
    PROOF_OF_DELIVERY("ProofOfDelivery"),
    PROOF_OF_SENDER("ProofOfSender"),
    PROOF_OF_APPROVAL("ProofOfApproval"),
    PROOF_OF_CREATION("ProofOfCreation");

    private final String name;

    CommitmentType(String name) {
        this.name = name;
    }

    public String uri() {
        return "http://uri.etsi.org/01903/v1.2.2#" + name;
    }

    public static CommitmentType fromName(String value) {
        for (CommitmentType type : values()) {
            if (type.name.equalsIgnoreCase(value) || type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown commitment type '" + value + "'");
    }
}
