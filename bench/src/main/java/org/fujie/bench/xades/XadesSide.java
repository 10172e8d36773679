package org.fujie.bench.xades;

/**
 * One library under test, as a service would hold it: a XAdES B-B signer (enveloped, SHA-256, exclusive c14n, the
 * bench's EC P-256 seal key and chain) and a verifier (trusting the bench root, CRLs online), both reused for every
 * document and thread.
 */
interface XadesSide {

    /** "Fujie", "DSS". */
    String name();

    /**
     * Puts the JVM-wide settings back to what this library has when it runs alone: Santuario's JCEMapper provider, which
     * DSS sets to Bouncy Castle for the whole JVM when its XAdES code loads. Called before each of this side's runs.
     */
    void select();

    /** @return the document with an enveloped XAdES-BASELINE-B signature */
    byte[] sign(byte[] xml) throws Exception;

    /** The verdict on the (first) signature of the document. */
    Verdict verify(byte[] signed);

    /**
     * @param level the baseline level reached, "B-B".."B-LTA", or what the verifier calls it otherwise
     * @param detail free text: validation errors, scope
     */
    record Verdict(String indication, String subIndication, String level, String detail) {

        boolean totalPassed() {
            return "TOTAL_PASSED".equals(indication);
        }

        @Override
        public String toString() {
            return indication + (subIndication == null ? "" : "/" + subIndication) + " " + level + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }
}
