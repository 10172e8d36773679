# Policy for Fujie's services (vault policy write fujie-keys fujie-keys.hcl).
# Make and read signing keys named fujie-* in the Transit mount "transit", and sign with them.
# Nothing else: no export, no backup or restore, no delete, no change of a key's configuration.
# Another mount or prefix: replace "transit/" and "fujie-" throughout (VaultSettings transitMount, keyNamePrefix).

# Creating a key is POST transit/keys/<name>. Transit authorises that as "update", not "create"
# (its keys path has no existence check), so both are granted. The glob also matches
# transit/keys/fujie-x/config, /trim, /import and /rotate: the only parameters allowed are those a
# key creation by Fujie sends, so config (deletion_allowed, exportable=true, min_*_version), trim
# and import are refused. Rotate takes no parameters and is NOT stopped by this rule: see README,
# "Keeping rotation to the ceremony", for the read-only variant once the keys exist.
path "transit/keys/fujie-*" {
  capabilities = ["create", "read", "update"]
  allowed_parameters = {
    "type"                   = ["ecdsa-p256", "ecdsa-p384", "rsa-2048", "rsa-3072", "rsa-4096"]
    "exportable"             = [false, "false"]
    "allow_plaintext_backup" = [false, "false"]
  }
}

# Sign a digest: POST transit/sign/fujie-<alias>/sha2-256 (or sha2-384).
path "transit/sign/fujie-*" {
  capabilities = ["update"]
}

# Key material never leaves Vault: said explicitly, so a broader policy on the same token cannot add it.
path "transit/export/*" {
  capabilities = ["deny"]
}
path "transit/backup/*" {
  capabilities = ["deny"]
}
path "transit/restore/*" {
  capabilities = ["deny"]
}
