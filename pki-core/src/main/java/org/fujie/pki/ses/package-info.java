/**
 * Secure electronic seals: GB/T 38540-2020 (v4; written and read) and GM/T 0031-2014 (v1; read only).
 * {@link org.fujie.pki.ses.SealMaker} makes a seal, {@link org.fujie.pki.ses.SesSigner} stamps with it,
 * {@link org.fujie.pki.ses.SesVerifier} verifies a signature over a document, or a seal alone, in the standard's order
 * ({@link org.fujie.pki.ses.SesCheck}). The model classes are Bouncy Castle ASN1Objects, one per structure.
 *
 * <p>The standards' texts are not public; these decisions follow what public sources agree on, and read both forms where
 * they do not. Sources: [O] ofdrw (org.ofdrw.gm.ses.v1/v4, its tests and ofdrw-sign's SESV1/SESV4ValidateContainer);
 * [C] Chingliu/gm_0031_38540_verifier (OpenSSL ASN.1 templates and verification order); [A] the article "一文读懂 GM/T
 * 0031-2025" (利刃信安), which quotes the ASN.1 and marks what changed from GB/T 38540; [U] a public SignSealUtil.java.
 *
 * <table>
 * <caption>Decisions</caption>
 * <tr><th>Question</th><th>Sources</th><th>Written</th><th>Read</th></tr>
 * <tr><td>Signature algorithm</td><td>[A][C][O]: SM3withSM2 1.2.156.10197.1.501 (GB/T 33560)</td><td>the key's
 * (SM2: SM3withSM2 with the deployment's user ID, crypto.Sm2)</td><td>any Verifiers knows; SM2 through Sm2</td></tr>
 * <tr><td>What the maker signs, v4</td><td>[A] "对印章信息域 SES_SealInfo ... 进行数字签名"; [C][O] sign DER(SES_SealInfo);
 * other texts quote v1's "SES_SealInfo、制章者证书、签名算法标识按SEQUENCE方式组成"</td><td>DER(SES_SealInfo)</td><td>that, else
 * DER(SEQUENCE { SES_SealInfo, cert, signAlgID }); the check says which</td></tr>
 * <tr><td>What the maker signs, v1</td><td>[O][C]: DER(SEQUENCE { SES_SealInfo, cert, signatureAlgorithm })</td><td>-</td>
 * <td>that, else DER(SES_SealInfo)</td></tr>
 * <tr><td>What the signer signs</td><td>[A][C][O]: DER(TBS_Sign), both versions (v1's TBS_Sign holds cert and algorithm)</td>
 * <td>DER(TBS_Sign)</td><td>that; v4 also DER(SEQUENCE { TBS_Sign, cert, signatureAlgID })</td></tr>
 * <tr><td>Time-stamp</td><td>[A]: timeStamp [0] BIT STRING OPTIONAL, an RFC 3161 token (DER) whose imprint is the hash of
 * the signature value; [O] writes [0] EXPLICIT; [C] reads it untagged</td><td>[0] EXPLICIT, token over SM3 of the
 * signature value's octets</td><td>[0] explicit or implicit, or an untagged BIT STRING; any imprint algorithm</td></tr>
 * <tr><td>TBS_Sign.extDatas</td><td>[A][O]: [0] ExtensionDatas OPTIONAL; [O] EXPLICIT</td><td>never written</td>
 * <td>explicit or implicit; signatures are checked over the bytes as received, so either verifies</td></tr>
 * <tr><td>v1 property info</td><td>[O][C]: { type, name, certList SEQUENCE OF OCTET STRING, 3 x UTCTime }, no
 * certListType (certListType is v4's, [A][C][O])</td><td>-</td><td>by field count (6 = v1, 7 = v4); list entries by
 * form (OCTET STRING = certificate, SEQUENCE = CertDigestObj); UTCTime or GeneralizedTime in either</td></tr>
 * <tr><td>v4 cert list</td><td>[A][C][O]: certListType 1 = SEQUENCE OF OCTET STRING (DER certificates), 2 = SEQUENCE OF
 * CertDigestObj { type PrintableString, value OCTET STRING }, type "自定义"</td><td>certificates, or digests typed "SM3"
 * </td><td>type SHA256/SHA-256/2.16.840.1.101.3.4.2.1 as SHA-256, anything else as SM3; a certListType that contradicts
 * the list is a format failure</td></tr>
 * <tr><td>v1 timeInfo</td><td>[O]: BIT STRING, "a time-stamp or a UTCTime"; [O] also reads an OCTET STRING</td><td>-</td>
 * <td>DER time, UTCTime/GeneralizedTime text, or a token's genTime</td></tr>
 * <tr><td>SM2 value form</td><td>GB/T 35276: DER SEQUENCE { r, s }; [U] writes a bare 64-byte r || s</td><td>DER</td>
 * <td>both</td></tr>
 * <tr><td>Dates</td><td>[A][O]: GeneralizedTime (v4), UTCTime (v1)</td><td>whole seconds, "Z"</td><td>either type</td></tr>
 * <tr><td>GM/T 0031-2025 (v5)</td><td>[A]: SESeal gains timeStamp [0]; version 5</td><td>-</td><td>a v4-shaped seal with a
 * fifth [0] field is read, that time-stamp not verified</td></tr>
 * </table>
 *
 * <p>Verification order ([C], GB/T 38540 as the issue quotes it): signature value; signer certificate in the seal's
 * list; maker's signature; maker certificate chain, validity, revocation, key usage ([A]: "密钥用法是否正确"); seal validity;
 * signer certificate chain, validity, revocation, key usage; document hash; time-stamp. Both certificates and the
 * seal's validity are judged at the signing time (a seal used while valid stays valid; [C] checks the seal's dates
 * against now): the genTime of a verified time-stamp, which proves when the signature existed, else the claimed
 * TBS_Sign.timeInfo, which only the signer vouches for (a signer whose key was compromised can backdate an unstamped
 * signature past its revocation). A seal alone is judged at the time asked. A signer not in the seal's list is
 * TOTAL_FAILED/NO_SIGNING_CERTIFICATE_FOUND: no other data could make the seal vouch for them. The document hash is
 * SM3 for SM2, else the signature algorithm's digest.
 */
package org.fujie.pki.ses;
