import Foundation

/// The stored form a durable store persists: the shared fields in snake_case plus `settings`
/// and `schema_version`. Secrets follow ``SsoConnectionSettings``: sealed with the coder's
/// `userInfo[.ssoSecretSealer]`, else `<redacted>`. Decoding refuses a newer schema version.
extension SsoConnectionRecord: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, name, status, domains, settings
        case schemaVersion = "schema_version", organizationID = "organization_id", statusReason = "status_reason"
        case matchSubdomains = "match_subdomains", jitProvisioning = "jit_provisioning", defaultRole = "default_role"
        case redirectURIs = "redirect_uris", createdAt = "created_at", updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let version = try c.decode(Int.self, forKey: .schemaVersion)
        guard version <= Self.schemaVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .schemaVersion, in: c,
                debugDescription:
                    "stored by a newer version (schema \(version), this build reads \(Self.schemaVersion))")
        }
        self.init(
            id: try c.decode(String.self, forKey: .id),
            organizationID: try c.decode(String.self, forKey: .organizationID),
            name: try c.decode(String.self, forKey: .name),
            status: try c.decode(SsoConnectionStatus.self, forKey: .status),
            statusReason: try c.decodeIfPresent(String.self, forKey: .statusReason),
            domains: try c.decode([DomainName].self, forKey: .domains),
            matchSubdomains: try c.decode(Bool.self, forKey: .matchSubdomains),
            jitProvisioning: try c.decode(Bool.self, forKey: .jitProvisioning),
            defaultRole: try c.decodeIfPresent(String.self, forKey: .defaultRole),
            redirectURIs: try c.decode([String].self, forKey: .redirectURIs),
            settings: try c.decode(SsoConnectionSettings.self, forKey: .settings),
            createdAt: try c.decode(Date.self, forKey: .createdAt),
            updatedAt: try c.decode(Date.self, forKey: .updatedAt))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.schemaVersion, forKey: .schemaVersion)
        try c.encode(id, forKey: .id)
        try c.encode(organizationID, forKey: .organizationID)
        try c.encode(name, forKey: .name)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(statusReason, forKey: .statusReason)
        try c.encode(domains, forKey: .domains)
        try c.encode(matchSubdomains, forKey: .matchSubdomains)
        try c.encode(jitProvisioning, forKey: .jitProvisioning)
        try c.encodeIfPresent(defaultRole, forKey: .defaultRole)
        try c.encode(redirectURIs, forKey: .redirectURIs)
        try c.encode(settings, forKey: .settings)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(updatedAt, forKey: .updatedAt)
    }
}
