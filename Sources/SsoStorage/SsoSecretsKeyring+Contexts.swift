import SsoCore

extension SsoSecretsKeyring {
    /// The sealer for a connection row's secrets.
    package func connectionSealer(_ connectionID: String) -> some SecretSealing {
        sealer(context: "connection:\(connectionID)")
    }

    /// The sealer for an organization's legacy config.
    package func configSealer(_ organizationID: String) -> some SecretSealing {
        sealer(context: "config:\(organizationID)")
    }

    /// The value kept beside each key id in a store, to prove at open that a key still opens.
    package static let checkPlaintext = "swift-sso secrets key check"

    /// The sealer for a key's check value.
    package func checkSealer() -> some SecretSealing {
        sealer(context: "key-check")
    }
}
