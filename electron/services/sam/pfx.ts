import forge from 'node-forge';

/**
 * Reads a PFX/PKCS#12 file (what Windows and the Azure portal export) into PEM: Node's crypto cannot parse
 * PKCS#12 itself. Returns null when the file is not PKCS#12, the password is wrong, or it lacks a key or
 * certificate — the caller reports that without the password or file contents.
 */
export function pfxToPem(bytes: Uint8Array, password: string): { certificate: string; privateKey: string } | null {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
    const shrouded = forge.pki.oids.pkcs8ShroudedKeyBag ?? '';
    const plain = forge.pki.oids.keyBag ?? '';
    const certBagOid = forge.pki.oids.certBag ?? '';
    const key = p12.getBags({ bagType: shrouded })[shrouded]?.[0]?.key ?? p12.getBags({ bagType: plain })[plain]?.[0]?.key;
    const certificate = p12.getBags({ bagType: certBagOid })[certBagOid]?.[0]?.cert;
    if (!key || !certificate) return null;
    return { certificate: forge.pki.certificateToPem(certificate), privateKey: forge.pki.privateKeyToPem(key) };
  } catch {
    return null;
  }
}
