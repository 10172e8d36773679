# Policy for key-ceremony operators (vault policy write fujie-ceremony fujie-ceremony.hcl).
# Read keys and rotate them; make the keys of a new CA. No export, backup, restore, delete or config.
# Vault allows the glob "*" only at the end of a path, so "rotate under the fujie- prefix" cannot be
# written; "+" (one path segment) is used instead, which covers every key of the mount. Give Fujie a
# Transit mount of its own (README) so that "every key" means Fujie's keys.

# Read a key, and make the key of a new CA (vault write transit/keys/fujie-<alias> type=ecdsa-p384).
# "+" is one segment: transit/keys/<name>/config and the other sub-paths are not matched.
path "transit/keys/+" {
  capabilities = ["create", "read", "update"]
  allowed_parameters = {
    "type"                   = ["ecdsa-p256", "ecdsa-p384", "rsa-2048", "rsa-3072", "rsa-4096"]
    "exportable"             = [false, "false"]
    "allow_plaintext_backup" = [false, "false"]
  }
}

# vault write -f transit/keys/fujie-<alias>/rotate
path "transit/keys/+/rotate" {
  capabilities = ["update"]
}

path "transit/export/*" {
  capabilities = ["deny"]
}
path "transit/backup/*" {
  capabilities = ["deny"]
}
path "transit/restore/*" {
  capabilities = ["deny"]
}
